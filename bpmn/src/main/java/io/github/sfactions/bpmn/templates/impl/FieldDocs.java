package io.github.sfactions.bpmn.templates.impl;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.StandardField;
import java.util.Locale;
import java.util.Map;

/**
 * Labels and descriptions of the standard fields, derived from the connector's field list ({@link
 * ActionType}) plus what Segment's action says about each field: its key ({@code last_name}: the
 * API name in snake case) and the default mapping Segment users know it by.
 */
public final class FieldDocs {

  private static final Map<String, String> FORMATS =
      Map.of(
          "CloseDate", "Date as yyyy-MM-dd, e.g. 2026-12-31.",
          "Amount", "Number, e.g. 1200.50.",
          "NumberOfEmployees", "Whole number; numeric text is converted.",
          "AccountId", "Id of the Account the Contact belongs to.",
          "Description", "Long text; not usable as a record matcher (not filterable).");

  private FieldDocs() {}

  /** "Last name (LastName)"; just "Company" where the words are the API name. */
  public static String label(StandardField field) {
    String words = words(field.name());
    return words.equals(field.name()) ? words : words + " (" + field.name() + ")";
  }

  /**
   * Where the field goes, its Segment key and default mapping, its format and whether create needs
   * it.
   */
  public static String description(ActionType type, StandardField field, boolean requiredHere) {
    StringBuilder text =
        new StringBuilder("Salesforce field ")
            .append(type.sobject().orElseThrow())
            .append('.')
            .append(field.name())
            .append(". Segment key: ")
            .append(segmentKey(field.name()));
    String mapping = segmentDefault(type, field.name());
    text.append(
        mapping == null ? " (no default mapping)." : " (Segment default: " + mapping + ").");
    String format = FORMATS.get(field.name());
    if (format != null) {
      text.append(' ').append(format);
    }
    if (requiredHere) {
      text.append(" Required: an empty value fails with 400 \"")
          .append(type.requiredFieldsMessage())
          .append("\".");
    }
    text.append(" Empty values are not sent.");
    return text.toString();
  }

  /**
   * Segment's key of a field: the API name in snake case ({@code PostalCode} → {@code
   * postal_code}).
   */
  public static String segmentKey(String apiName) {
    return apiName.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }

  private static String segmentDefault(ActionType type, String name) {
    if (type == ActionType.OPPORTUNITY
        || type == ActionType.CASE
        || name.equals("AccountId")
        || name.startsWith("Shipping")) {
      return null;
    }
    if (type == ActionType.ACCOUNT && name.equals("Name")) {
      return "traits.name";
    }
    if (type == ActionType.ACCOUNT && name.equals("AccountNumber")) {
      return "groupId";
    }
    if (name.equals("NumberOfEmployees")) {
      return "traits.employees, else properties.employees";
    }
    String address = name.replaceFirst("^(Billing|Mailing)", "");
    if (isAddressPart(address) && (type == ActionType.LEAD || !address.equals(name))) {
      String key = segmentKey(address);
      return "traits.address." + key + ", else properties.address." + key;
    }
    String key = segmentKey(name);
    return "traits." + key + ", else properties." + key;
  }

  private static boolean isAddressPart(String name) {
    return name.equals("City")
        || name.equals("PostalCode")
        || name.equals("Country")
        || name.equals("Street")
        || name.equals("State");
  }

  private static String words(String apiName) {
    String spaced = apiName.replaceAll("([a-z0-9])([A-Z])", "$1 $2");
    String lower = spaced.charAt(0) + spaced.substring(1).toLowerCase(Locale.ROOT);
    return lower.endsWith(" id") ? lower.substring(0, lower.length() - 2) + "Id" : lower;
  }
}
