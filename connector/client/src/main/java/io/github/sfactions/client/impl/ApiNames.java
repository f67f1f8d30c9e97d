package io.github.sfactions.client.impl;

import io.github.sfactions.client.SoqlBuildException;
import java.util.regex.Pattern;

/** Syntax checks for names and ids that go into SOQL text, URL paths and bulk CSV headers. */
public final class ApiNames {

  private static final Pattern API_NAME =
      Pattern.compile(
          "[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)*(?:__[A-Za-z0-9]+(?:_[A-Za-z0-9]+)*){0,2}");
  private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9]{15}(?:[A-Za-z0-9]{3})?");
  private static final int MAX_NAME_LENGTH = 255;

  private ApiNames() {}

  /**
   * Letters, digits and single underscores, starting with a letter, plus up to two {@code __}
   * segments.
   */
  public static boolean isApiName(String name) {
    return name != null && name.length() <= MAX_NAME_LENGTH && API_NAME.matcher(name).matches();
  }

  /**
   * An API name or a relationship path of API names ({@code Account.Ext__c}), as bulk CSV headers
   * allow.
   */
  public static boolean isFieldPath(String name) {
    if (name == null || name.isEmpty() || name.startsWith(".") || name.endsWith(".")) {
      return false;
    }
    for (String part : name.split("\\.", -1)) {
      if (!isApiName(part)) {
        return false;
      }
    }
    return true;
  }

  /** 15 or 18 letters and digits. */
  public static boolean isRecordId(String id) {
    return id != null && RECORD_ID.matcher(id).matches();
  }

  public static String requireObject(String sobject) {
    if (!isApiName(sobject)) {
      throw new SoqlBuildException(
          SoqlBuildException.INVALID_OBJECT_NAME,
          "Invalid object name '"
              + sobject
              + "': expected a Salesforce API name such as Lead or My_Object__c");
    }
    return sobject;
  }

  public static String requireField(String field) {
    if (!isApiName(field)) {
      throw new SoqlBuildException(
          SoqlBuildException.INVALID_FIELD_NAME,
          "Invalid field name '"
              + field
              + "': expected a Salesforce API name such as LastName or Ext__c");
    }
    return field;
  }

  public static String requireId(String id) {
    if (!isRecordId(id)) {
      throw new SoqlBuildException(
          SoqlBuildException.INVALID_ID,
          "Invalid record id '" + id + "': expected 15 or 18 letters and digits");
    }
    return id;
  }
}
