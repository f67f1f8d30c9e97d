package io.github.sfactions.emulator.impl.store;

import io.github.sfactions.emulator.impl.ApiError;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.ErrorCodes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds the DUPLICATES_DETECTED answer of a standard duplicate rule, with its duplicateResult. */
final class DuplicateRuleError {
  static final String MESSAGE =
      "You're creating a duplicate record. We recommend you use an existing record instead.";

  private DuplicateRuleError() {}

  static ApiException of(String object, List<String> matchIds, String apiVersion) {
    List<Object> matchRecords = new ArrayList<>();
    for (String id : matchIds) {
      Map<String, Object> attributes = new LinkedHashMap<>();
      attributes.put("type", object);
      attributes.put("url", "/services/data/v" + apiVersion + "/sobjects/" + object + "/" + id);
      Map<String, Object> record = new LinkedHashMap<>();
      record.put("attributes", attributes);
      record.put("Id", id);
      Map<String, Object> match = new LinkedHashMap<>();
      match.put("additionalInformation", List.of());
      match.put("fieldDiffs", List.of());
      match.put("matchConfidence", 100.0);
      match.put("record", record);
      matchRecords.add(match);
    }
    Map<String, Object> matchResult = new LinkedHashMap<>();
    matchResult.put("entityType", object);
    matchResult.put("errors", List.of());
    matchResult.put("matchEngine", "ExactMatchEngine");
    matchResult.put("matchRecords", matchRecords);
    matchResult.put("rule", "Standard_" + object + "_Match_Rule_v1_0");
    matchResult.put("size", matchRecords.size());
    matchResult.put("success", true);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("allowSave", true);
    result.put("duplicateRule", "Standard_Rule_for_" + object + "s_with_Duplicate_" + object + "s");
    result.put("duplicateRuleEntityType", object);
    result.put("errorMessage", MESSAGE);
    result.put("matchResults", List.of(matchResult));
    return new ApiException(
        400,
        new ApiError(
            ErrorCodes.DUPLICATES_DETECTED, MESSAGE, List.of(), Map.of("duplicateResult", result)));
  }
}
