package io.github.sfactions.client;

import io.github.sfactions.client.impl.ApiNames;

/**
 * The checks this client applies to a field name or record Id before it goes into a URL path or a
 * collection call, with the same {@link SoqlBuildException}s. A caller that prepares many writes at
 * once (a group of records) runs them up front, so that one bad name fails its own record and not
 * the whole call.
 */
public final class ApiNameRules {

  private ApiNameRules() {}

  /**
   * The field name, if it is an API name, as {@link SalesforceClient#upsert} requires it.
   *
   * @throws SoqlBuildException {@link SoqlBuildException#INVALID_FIELD_NAME}
   */
  public static String requireField(String field) {
    return ApiNames.requireField(field);
  }

  /**
   * The Id, if it has the form of a record Id, as {@link SalesforceClient#update} requires it.
   *
   * @throws SoqlBuildException {@link SoqlBuildException#INVALID_ID}
   */
  public static String requireId(String id) {
    return ApiNames.requireId(id);
  }
}
