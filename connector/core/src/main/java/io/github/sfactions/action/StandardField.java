package io.github.sfactions.action;

/**
 * A standard field of an action: its Salesforce API name and whether it is sent as a string or an
 * integer.
 *
 * @param name the API name, e.g. {@code LastName}
 * @param integer true for {@code NumberOfEmployees}, the only integer field; every other one is a
 *     string
 */
public record StandardField(String name, boolean integer) {

  /** A string field. */
  public static StandardField text(String name) {
    return new StandardField(name, false);
  }

  /** An integer field. */
  public static StandardField integer(String name) {
    return new StandardField(name, true);
  }
}
