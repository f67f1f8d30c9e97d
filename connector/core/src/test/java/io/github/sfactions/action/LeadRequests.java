package io.github.sfactions.action;

import java.util.Map;

/** Lead action requests the group tests build again and again (V1 operations, Company "G"). */
final class LeadRequests {

  private LeadRequests() {}

  /** A create with this LastName (and Email, when not null). */
  static ActionRequest create(String lastName, String email) {
    ActionRequest.Builder b =
        ActionRequest.builder(ActionType.LEAD)
            .operation("create")
            .field("LastName", lastName)
            .field("Company", "G");
    if (email != null) {
      b.field("Email", email);
    }
    return b.build();
  }

  /** An upsert by an Email matcher that also writes the Email. */
  static ActionRequest upsert(String email, String lastName) {
    return ActionRequest.builder(ActionType.LEAD)
        .operation("upsert")
        .recordMatchers(Map.of("Email", email))
        .field("LastName", lastName)
        .field("Company", "G")
        .field("Email", email)
        .build();
  }

  /** A delete by these matchers. */
  static ActionRequest delete(Map<String, Object> matchers) {
    return ActionRequest.builder(ActionType.LEAD)
        .operation("delete")
        .recordMatchers(matchers)
        .build();
  }
}
