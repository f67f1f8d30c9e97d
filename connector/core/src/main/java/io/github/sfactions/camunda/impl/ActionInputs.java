package io.github.sfactions.camunda.impl;

import static io.github.sfactions.camunda.ActionParameters.BULK_UPDATE_RECORD_ID;
import static io.github.sfactions.camunda.ActionParameters.BULK_UPSERT_EXTERNAL_ID;
import static io.github.sfactions.camunda.ActionParameters.CONNECTION;
import static io.github.sfactions.camunda.ActionParameters.DELIVERY;
import static io.github.sfactions.camunda.ActionParameters.EXTERNAL_ID_FIELD;
import static io.github.sfactions.camunda.ActionParameters.EXTERNAL_ID_NAME;
import static io.github.sfactions.camunda.ActionParameters.EXTERNAL_ID_VALUE;
import static io.github.sfactions.camunda.ActionParameters.OPERATION;
import static io.github.sfactions.camunda.ActionParameters.OTHER_FIELDS;
import static io.github.sfactions.camunda.ActionParameters.RECORD_MATCHERS;
import static io.github.sfactions.camunda.ActionParameters.RECORD_MATCHERS_OPERATOR;
import static io.github.sfactions.camunda.ActionParameters.SOBJECT;
import static io.github.sfactions.camunda.ActionParameters.SYNC_MODE;
import static io.github.sfactions.camunda.ActionParameters.USE_BULK_API;

import io.github.sfactions.action.ActionException;
import io.github.sfactions.action.ActionMessages;
import io.github.sfactions.action.ActionRequest;
import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.Delivery;
import io.github.sfactions.action.StandardField;
import io.github.sfactions.camunda.InputValues;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/** Reads an action connector's input parameters into an {@link ActionRequest}. */
public final class ActionInputs {

  /** Control inputs every action connector accepts (standard fields come on top). */
  public static final Set<String> CONTROL =
      Set.of(
          OPERATION,
          SYNC_MODE,
          OTHER_FIELDS,
          RECORD_MATCHERS,
          RECORD_MATCHERS_OPERATOR,
          USE_BULK_API,
          BULK_UPSERT_EXTERNAL_ID,
          BULK_UPDATE_RECORD_ID,
          EXTERNAL_ID_FIELD,
          DELIVERY,
          CONNECTION);

  private ActionInputs() {}

  /** Every input name of the action's connector. */
  public static Set<String> names(ActionType type) {
    Set<String> names = new LinkedHashSet<>(CONTROL);
    type.standardFields().forEach(f -> names.add(f.name()));
    if (type.isCustomObject()) {
      names.add(SOBJECT);
    }
    return names;
  }

  /** The request the parameters describe (validated later, in the reference's order). */
  public static ActionRequest toRequest(ActionType type, Map<String, Object> params) {
    ActionRequest.Builder b =
        ActionRequest.builder(type)
            .operation(InputValues.text(OPERATION, params.get(OPERATION)))
            // kept empty when given empty, so the reference's "Sync mode is required" applies
            .syncMode(InputValues.textKeepingEmpty(SYNC_MODE, params.get(SYNC_MODE)))
            .otherFields(InputValues.map(OTHER_FIELDS, params.get(OTHER_FIELDS)))
            .recordMatchers(InputValues.map(RECORD_MATCHERS, params.get(RECORD_MATCHERS)))
            .recordMatchersOperator(
                InputValues.text(RECORD_MATCHERS_OPERATOR, params.get(RECORD_MATCHERS_OPERATOR)))
            .externalIdField(InputValues.text(EXTERNAL_ID_FIELD, params.get(EXTERNAL_ID_FIELD)))
            .useBulkApi(InputValues.bool(USE_BULK_API, params.get(USE_BULK_API)))
            .delivery(InputValues.text(DELIVERY, params.get(DELIVERY)))
            .bulkUpdateRecordId(InputValues.plain(params.get(BULK_UPDATE_RECORD_ID)));
    if (type.isCustomObject()) {
      b.sobject(InputValues.text(SOBJECT, params.get(SOBJECT)));
    }
    Map<String, Object> external =
        InputValues.map(BULK_UPSERT_EXTERNAL_ID, params.get(BULK_UPSERT_EXTERNAL_ID));
    if (external != null) {
      b.bulkUpsertExternalId(
          InputValues.text(EXTERNAL_ID_NAME, external.get(EXTERNAL_ID_NAME)),
          external.get(EXTERNAL_ID_VALUE));
    }
    for (StandardField field : type.standardFields()) {
      if (params.containsKey(field.name())) {
        b.field(field.name(), InputValues.plain(params.get(field.name())));
      }
    }
    return b.build();
  }

  /**
   * The delivery the request asks for: {@code useBulkApi=true} is {@code bulk}; {@code delivery}
   * may say {@code rest}, {@code microBatch} or {@code bulk}; they must not contradict each other.
   */
  public static Delivery delivery(ActionRequest request) {
    Delivery delivery = Delivery.REST;
    if (request.delivery() != null) {
      delivery =
          Delivery.fromValue(request.delivery())
              .orElseThrow(
                  () ->
                      new ActionException(
                          "Invalid delivery - "
                              + request.delivery()
                              + " (expected rest, microBatch or bulk)",
                          ActionMessages.CODE_PAYLOAD_VALIDATION,
                          ActionMessages.STATUS_BAD_REQUEST));
    }
    if (Boolean.TRUE.equals(request.useBulkApi())) {
      if (request.delivery() != null && delivery != Delivery.BULK) {
        throw new ActionException(
            "useBulkApi=true contradicts delivery=" + request.delivery(),
            ActionMessages.CODE_PAYLOAD_VALIDATION,
            ActionMessages.STATUS_BAD_REQUEST);
      }
      return Delivery.BULK;
    }
    return delivery;
  }
}
