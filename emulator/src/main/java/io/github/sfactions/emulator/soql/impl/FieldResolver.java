package io.github.sfactions.emulator.soql.impl;

import io.github.sfactions.emulator.soql.SoqlException;
import io.github.sfactions.emulator.soql.SoqlSchema;
import io.github.sfactions.emulator.soql.SoqlSchema.FieldInfo;
import java.util.Optional;

/**
 * Resolves field names of one object's query to their describe information, with Salesforce's
 * errors for unknown fields, relationship paths and fields used where their flags forbid.
 */
final class FieldResolver {

  private static final String ID_FIELD = "Id";

  /** {@code Id} is valid on every object, even if the metadata does not list it. */
  private static final FieldInfo DEFAULT_ID = new FieldInfo(ID_FIELD, "id", true, true);

  private final SourceText sourceText;
  private final SoqlSchema schema;
  private final String object;

  FieldResolver(SourceText sourceText, SoqlSchema schema, String canonicalObject) {
    this.sourceText = sourceText;
    this.schema = schema;
    this.object = canonicalObject;
  }

  /** A field that may appear in WHERE. */
  FieldInfo filterable(Token token) {
    FieldInfo field = resolve(token);
    if (!field.filterable()) {
      throw sourceText.error(
          token,
          SoqlException.INVALID_FIELD,
          "field '" + field.name() + "' can not be filtered in a query call");
    }
    return field;
  }

  /** A field that may appear in ORDER BY. */
  FieldInfo sortable(Token token) {
    FieldInfo field = resolve(token);
    if (!field.sortable()) {
      throw sourceText.error(
          token,
          SoqlException.INVALID_FIELD,
          "field '" + field.name() + "' can not be sorted in a query call");
    }
    return field;
  }

  /**
   * A selected field: one of the object's own (as {@link #resolve}) or a parent relationship field
   * one level up ({@code Account.Name}, {@code Owner.Username}), answered as its canonical path.
   */
  String resolveSelect(Token token) {
    String name = token.text();
    int dot = name.indexOf('.');
    if (dot > 0 && !name.substring(0, dot).equalsIgnoreCase(object)) {
      SoqlSchema.Relationship rel =
          schema.relationship(object, name.substring(0, dot)).orElse(null);
      String rest = name.substring(dot + 1);
      if (rel != null && !rest.isEmpty()) {
        if (rest.indexOf('.') >= 0) {
          throw sourceText.error(
              token,
              SoqlException.MALFORMED_QUERY,
              "Relationship paths of more than"
                  + " one level are not supported by the emulator: "
                  + name);
        }
        String field =
            schema
                .field(rel.targetObject(), rest)
                .map(FieldInfo::name)
                .or(
                    () ->
                        rest.equalsIgnoreCase(ID_FIELD) ? Optional.of(ID_FIELD) : Optional.empty())
                .orElseThrow(
                    () ->
                        sourceText.error(
                            token,
                            SoqlException.INVALID_FIELD,
                            "No such column '"
                                + rest
                                + "' on entity '"
                                + rel.targetObject()
                                + "'. If you are attempting to use a"
                                + " custom field, be sure to append the '__c' after the custom field name. Please"
                                + " reference your WSDL or the describe call for the appropriate names."));
        return rel.name() + "." + field;
      }
    }
    return resolve(token).name();
  }

  /** Any field of the object; accepts the object's own name as a prefix ({@code Case.Subject}). */
  FieldInfo resolve(Token token) {
    String name = token.text();
    int dot = name.indexOf('.');
    if (dot >= 0) {
      String prefix = name.substring(0, dot);
      String rest = name.substring(dot + 1);
      if (!prefix.equalsIgnoreCase(object) && schema.relationship(object, prefix).isPresent()) {
        throw sourceText.error(
            token,
            SoqlException.MALFORMED_QUERY,
            "Relationship fields are supported"
                + " only in the SELECT list by the emulator, not in WHERE or ORDER BY: "
                + name);
      }
      if (!prefix.equalsIgnoreCase(object) || rest.isEmpty() || rest.indexOf('.') >= 0) {
        throw sourceText.error(
            token,
            SoqlException.INVALID_FIELD,
            "Didn't understand relationship '"
                + prefix
                + "' in field path. If you are attempting to use a custom relationship, be sure"
                + " to append the '__r' after the custom relationship name. Please reference your WSDL or"
                + " the describe call for the appropriate names.");
      }
      name = rest;
    }
    String fieldName = name;
    return schema
        .field(object, fieldName)
        .or(() -> fieldName.equalsIgnoreCase(ID_FIELD) ? Optional.of(DEFAULT_ID) : Optional.empty())
        .orElseThrow(
            () ->
                sourceText.error(
                    token,
                    SoqlException.INVALID_FIELD,
                    "No such column '"
                        + fieldName
                        + "' on entity '"
                        + object
                        + "'. If you are attempting to use a custom field,"
                        + " be sure to append the '__c' after the custom field name. Please reference your WSDL or"
                        + " the describe call for the appropriate names."));
  }
}
