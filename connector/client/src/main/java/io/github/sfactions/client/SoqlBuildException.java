package io.github.sfactions.client;

/**
 * A SOQL query (or a path, or a bulk CSV column) could not be built from the caller's input: an
 * invalid API name, an unsupported literal type or a non-finite number. Raised before any HTTP
 * call.
 */
public class SoqlBuildException extends IllegalArgumentException {

  /** Code of an unsupported literal type (the reference's {@code Unsupported Type}). */
  public static final String UNSUPPORTED_TYPE = "Unsupported Type";

  /** Code of an invalid field API name. */
  public static final String INVALID_FIELD_NAME = "Invalid field name";

  /** Code of an invalid object API name. */
  public static final String INVALID_OBJECT_NAME = "Invalid object name";

  /** Code of a number SOQL cannot express (NaN, infinity). */
  public static final String INVALID_NUMBER = "Invalid number";

  /** Code of an invalid record id. */
  public static final String INVALID_ID = "Invalid record id";

  private final String code;

  public SoqlBuildException(String code, String message) {
    super(message);
    this.code = code;
  }

  /** One of the constants of this class. */
  public String code() {
    return code;
  }
}
