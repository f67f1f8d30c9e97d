package io.github.sfactions.camunda;

import java.util.HashMap;
import java.util.Map;

/**
 * Start variables of the processes in {@code bpmn/lead-add-retry-rules.bpmn}; null means "not
 * given".
 */
final class LeadAddVariables {

  private LeadAddVariables() {}

  static Map<String, Object> lead(
      String lastName, String company, String email, String otherFields) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("lastName", lastName);
    variables.put("company", company);
    variables.put("email", email);
    variables.put("otherFields", otherFields);
    return variables;
  }
}
