package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.BulkParameters.API_CALLS;
import static io.github.sfactions.camunda.BulkParameters.CONNECTION;
import static io.github.sfactions.camunda.BulkParameters.JOB_ID;
import static io.github.sfactions.camunda.BulkParameters.STATE;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ApiCallCounter;
import io.github.sfactions.camunda.InputValues;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkJobInfo;
import io.github.sfactions.client.SoqlBuildException;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Frame of the Bulk API 2.0 step connectors: the job id input, API call counting, the state output.
 */
public abstract class AbstractBulkConnector extends AbstractSalesforceConnector {

  private final Set<String> inputs;

  protected AbstractBulkConnector(String connectorId, Set<String> stepInputs) {
    super(connectorId);
    Set<String> all = new LinkedHashSet<>(stepInputs);
    all.add(CONNECTION);
    this.inputs = Set.copyOf(all);
  }

  @Override
  protected Set<String> inputNames() {
    return inputs;
  }

  @Override
  protected String describe(Map<String, Object> params) {
    return "bulk job " + textOr(params, JOB_ID, "(new)");
  }

  @Override
  protected final Map<String, Object> perform(Map<String, Object> params) {
    ApiCallCounter calls = new ApiCallCounter();
    try {
      Map<String, Object> out = new LinkedHashMap<>(step(calls.on(client(params)).bulk(), params));
      out.put(API_CALLS, calls.count());
      return out;
    } catch (SoqlBuildException e) {
      throw new ActionException(e.getMessage(), e.code(), ActionMessages.STATUS_BAD_REQUEST);
    }
  }

  /** The step's work; returns its outputs (API calls are added). */
  protected abstract Map<String, Object> step(BulkIngest bulk, Map<String, Object> params);

  /** The required {@code jobId} input. */
  protected static String jobId(Map<String, Object> params) {
    String jobId = InputValues.text(JOB_ID, params.get(JOB_ID));
    if (jobId == null) {
      throw new ActionException(
          "Missing jobId value",
          ActionMessages.CODE_REQUIRED_FIELD,
          ActionMessages.STATUS_BAD_REQUEST);
    }
    return jobId;
  }

  /** jobId and state outputs of a job. */
  protected static Map<String, Object> jobOutputs(BulkJobInfo job) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put(JOB_ID, job.id());
    out.put(STATE, job.state() == null ? null : job.state().apiValue());
    return out;
  }
}
