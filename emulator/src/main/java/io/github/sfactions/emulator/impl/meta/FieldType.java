package io.github.sfactions.emulator.impl.meta;

import java.util.Locale;
import java.util.Optional;

/** Salesforce describe field types the emulator models, with their SOAP type for describe. */
public enum FieldType {
  ID("id", "tns:ID"),
  STRING("string", "xsd:string"),
  TEXTAREA("textarea", "xsd:string"),
  EMAIL("email", "xsd:string"),
  PHONE("phone", "xsd:string"),
  URL("url", "xsd:string"),
  PICKLIST("picklist", "xsd:string"),
  MULTIPICKLIST("multipicklist", "xsd:string"),
  BOOLEAN("boolean", "xsd:boolean"),
  INT("int", "xsd:int"),
  DOUBLE("double", "xsd:double"),
  CURRENCY("currency", "xsd:double"),
  PERCENT("percent", "xsd:double"),
  DATE("date", "xsd:date"),
  DATETIME("datetime", "xsd:dateTime"),
  REFERENCE("reference", "tns:ID");

  private final String apiName;
  private final String soapType;

  FieldType(String apiName, String soapType) {
    this.apiName = apiName;
    this.soapType = soapType;
  }

  public String apiName() {
    return apiName;
  }

  public String soapType() {
    return soapType;
  }

  /** True for the types stored as text. */
  public boolean isText() {
    return switch (this) {
      case STRING, TEXTAREA, EMAIL, PHONE, URL, PICKLIST, MULTIPICKLIST -> true;
      default -> false;
    };
  }

  /** True for the types stored as {@link java.math.BigDecimal}. */
  public boolean isNumber() {
    return this == INT || this == DOUBLE || this == CURRENCY || this == PERCENT;
  }

  public static Optional<FieldType> fromApiName(String name) {
    if (name == null) {
      return Optional.empty();
    }
    String lower = name.toLowerCase(Locale.ROOT);
    for (FieldType t : values()) {
      if (t.apiName.equals(lower)) {
        return Optional.of(t);
      }
    }
    if (lower.equals("text")) {
      return Optional.of(STRING);
    }
    if (lower.equals("number")) {
      return Optional.of(DOUBLE);
    }
    return Optional.empty();
  }
}
