package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.FindRecordsParameters.API_CALLS;
import static io.github.sfactions.camunda.FindRecordsParameters.CONNECTION;
import static io.github.sfactions.camunda.FindRecordsParameters.DEFAULT_MAX_RECORDS;
import static io.github.sfactions.camunda.FindRecordsParameters.MATCH_COUNT;
import static io.github.sfactions.camunda.FindRecordsParameters.MAX_MAX_RECORDS;
import static io.github.sfactions.camunda.FindRecordsParameters.MAX_RECORDS;
import static io.github.sfactions.camunda.FindRecordsParameters.RECORD_ID;
import static io.github.sfactions.camunda.FindRecordsParameters.RECORD_IDS;
import static io.github.sfactions.camunda.FindRecordsParameters.RECORD_IDS_JSON;
import static io.github.sfactions.camunda.FindRecordsParameters.RECORD_MATCHERS;
import static io.github.sfactions.camunda.FindRecordsParameters.RECORD_MATCHERS_OPERATOR;
import static io.github.sfactions.camunda.FindRecordsParameters.SOBJECT;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.action.LookupResult;
import io.github.sfactions.action.ObjectNames;
import io.github.sfactions.action.RecordGuard;
import io.github.sfactions.action.RecordLookup;
import io.github.sfactions.action.RecordMatchers;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.camunda.RecordLocks;
import io.github.sfactions.camunda.SalesforceConnectorIds;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code salesforce-find-records}: the matcher lookup on its own. Reports how many records match
 * and their ids; 0 and many are normal outcomes here (branch on {@code matchCount} with a gateway),
 * never errors. An answer that cannot be counted (no {@code totalSize}, or matches without any
 * {@code Id}) is the reference's {@code Response missing expected fields} ({@code Bad Response},
 * BPMN error 400), never "0 matches".
 */
public class FindRecordsConnector extends AbstractSalesforceConnector {

  private static final Set<String> INPUTS =
      Set.of(SOBJECT, RECORD_MATCHERS, RECORD_MATCHERS_OPERATOR, MAX_RECORDS, CONNECTION);

  public FindRecordsConnector() {
    super(SalesforceConnectorIds.FIND_RECORDS);
  }

  @Override
  protected Set<String> inputNames() {
    return INPUTS;
  }

  @Override
  protected String describe(Map<String, Object> params) {
    return textOr(params, SOBJECT, "?") + " find";
  }

  @Override
  protected Map<String, Object> perform(Map<String, Object> params) {
    String sobject = ObjectNames.validate(InputValues.text(SOBJECT, params.get(SOBJECT)));
    Map<String, Object> matchers = InputValues.map(RECORD_MATCHERS, params.get(RECORD_MATCHERS));
    String operator =
        InputValues.text(RECORD_MATCHERS_OPERATOR, params.get(RECORD_MATCHERS_OPERATOR));
    Integer max = InputValues.integer(MAX_RECORDS, params.get(MAX_RECORDS));
    int maxRecords = max == null ? DEFAULT_MAX_RECORDS : max;
    if (maxRecords < 1 || maxRecords > MAX_MAX_RECORDS) {
      throw new ActionException(
          MAX_RECORDS + " must be between 1 and " + MAX_MAX_RECORDS + " (got " + maxRecords + ")",
          ActionMessages.CODE_PAYLOAD_VALIDATION,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    RecordMatchers.operator(operator);
    if (matchers == null || matchers.isEmpty()) {
      throw new ActionException(
          ActionMessages.UNDEFINED_TRAITS_PREFIX + "find operation",
          ActionMessages.CODE_UNDEFINED_TRAITS,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    // the write that may follow in this job (the "Sync one record" process) holds the record's turn
    RecordGuard.Turn turn =
        RecordLocks.guard(InputValues.text(CONNECTION, params.get(CONNECTION)))
            .enter(sobject, matchers, operator);
    ApiCallCounter calls = new ApiCallCounter();
    LookupResult found =
        new RecordLookup(calls.on(client(params))).find(sobject, matchers, operator, maxRecords);
    if (found.matchCount() > 0 && found.recordIds().isEmpty()) {
      // matches reported but no Id among them: as malformed as a missing totalSize (spec §6), never
      // a result
      throw new ActionException(
          ActionMessages.RESPONSE_MISSING_FIELDS,
          ActionMessages.CODE_BAD_RESPONSE,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    EngineRecordGuard.rememberLookup(turn, sobject, found.recordIds());
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(MATCH_COUNT, found.matchCount());
    out.put(RECORD_IDS, OutputValues.json(found.recordIds()));
    out.put(RECORD_IDS_JSON, OutputValues.jsonText(found.recordIds()));
    out.put(
        RECORD_ID,
        found.matchCount() == 1 && !found.recordIds().isEmpty() ? found.recordIds().get(0) : null);
    out.put(API_CALLS, calls.count());
    return out;
  }
}
