package io.github.sfactions.action;

import static io.github.sfactions.action.StandardField.integer;
import static io.github.sfactions.action.StandardField.text;

import java.util.List;
import java.util.Optional;

/**
 * The six Segment actions: their Salesforce object, their standard fields in the order the
 * reference writes them into the JSON body (§3), and the fields a create or upsert needs (§2).
 */
public enum ActionType {
  LEAD(
      "Lead",
      List.of(
          text("LastName"),
          text("Company"),
          text("FirstName"),
          text("State"),
          text("Street"),
          text("Country"),
          text("PostalCode"),
          text("City"),
          text("Email")),
      List.of("LastName"),
      ActionMessages.MISSING_LAST_NAME),
  ACCOUNT(
      "Account",
      List.of(
          text("Name"),
          text("AccountNumber"),
          integer("NumberOfEmployees"),
          text("BillingCity"),
          text("BillingPostalCode"),
          text("BillingCountry"),
          text("BillingStreet"),
          text("BillingState"),
          text("ShippingCity"),
          text("ShippingPostalCode"),
          text("ShippingCountry"),
          text("ShippingStreet"),
          text("ShippingState"),
          text("Phone"),
          text("Description"),
          text("Website")),
      List.of("Name"),
      ActionMessages.MISSING_NAME),
  CONTACT(
      "Contact",
      List.of(
          text("LastName"),
          text("FirstName"),
          text("AccountId"),
          text("Email"),
          text("MailingState"),
          text("MailingStreet"),
          text("MailingCountry"),
          text("MailingPostalCode"),
          text("MailingCity")),
      List.of("LastName"),
      ActionMessages.MISSING_LAST_NAME),
  OPPORTUNITY(
      "Opportunity",
      List.of(
          text("Amount"), text("CloseDate"), text("Description"), text("Name"), text("StageName")),
      List.of("CloseDate", "Name", "StageName"),
      ActionMessages.MISSING_OPPORTUNITY_FIELDS),
  CASE("Case", List.of(text("Description")), List.of(), null),
  /** Any object, named by the {@code sobject} input; the body is only the other fields. */
  CUSTOM_OBJECT(null, List.of(), List.of(), null);

  private final String sobject;
  private final List<StandardField> standardFields;
  private final List<String> requiredFields;
  private final String requiredFieldsMessage;

  ActionType(
      String sobject,
      List<StandardField> standardFields,
      List<String> requiredFields,
      String requiredFieldsMessage) {
    this.sobject = sobject;
    this.standardFields = standardFields;
    this.requiredFields = requiredFields;
    this.requiredFieldsMessage = requiredFieldsMessage;
  }

  /**
   * The fixed Salesforce object, or empty for the custom object action (the object comes from the
   * input).
   */
  public Optional<String> sobject() {
    return Optional.ofNullable(sobject);
  }

  /** True for the custom object action. */
  public boolean isCustomObject() {
    return this == CUSTOM_OBJECT;
  }

  /** The standard fields in the reference's JSON key order. */
  public List<StandardField> standardFields() {
    return standardFields;
  }

  /** The standard field with this exact API name, if the action has it. */
  public Optional<StandardField> standardField(String name) {
    return standardFields.stream().filter(f -> f.name().equals(name)).findFirst();
  }

  /** The standard fields that must be truthy for create and upsert. */
  public List<String> requiredFields() {
    return requiredFields;
  }

  /** The reference's message when a required field is missing, or null when nothing is required. */
  public String requiredFieldsMessage() {
    return requiredFieldsMessage;
  }
}
