/**
 * A pure-Java Salesforce client (OkHttp + Jackson), free of Camunda and Spring.
 *
 * <p>Entry point: {@link io.github.sfactions.client.SalesforceClient#create(ConnectionSettings,
 * ApiCallListener)} with {@link io.github.sfactions.client.ConnectionSettings} (login URL, API
 * version {@code v62.0} by default, timeouts, proxy, {@code allowLocalInstance}) and one {@link
 * io.github.sfactions.client.AuthFlow}: {@link io.github.sfactions.client.PasswordFlow}, {@link
 * io.github.sfactions.client.RefreshTokenFlow}, {@link
 * io.github.sfactions.client.ClientCredentialsFlow} or {@link
 * io.github.sfactions.client.JwtBearerFlow}. The instance URL comes from the token response and
 * must be an https Salesforce host (deviation 7).
 *
 * <p>The client caches one token for all threads; a 401 {@code INVALID_SESSION_ID} leads to one
 * single-flight re-login and one replay. Calls: REST create / get / update / delete / native upsert
 * (201 / 200, 300 as an exception with {@code choices()}), query with paging and a record cap,
 * describe (cached), sObject Collections (200 per call) and Bulk API 2.0 ingest ({@link
 * io.github.sfactions.client.BulkIngest}).
 *
 * <p>Building blocks without HTTP: {@link io.github.sfactions.client.Soql} (validated names,
 * complete literal escaping), {@link io.github.sfactions.client.BulkCsvWriter} (empty cell =
 * unchanged, {@code #N/A} = null) and {@link io.github.sfactions.client.BulkBatchSplitter} (by
 * count and bytes).
 *
 * <p>Errors: every failed call raises {@link io.github.sfactions.client.SalesforceApiException}
 * with status, Salesforce error code, fields, method, path and {@code retryable()}; bad input
 * raises {@link io.github.sfactions.client.SoqlBuildException} (an {@link
 * java.lang.IllegalArgumentException}) before any call. Messages never contain tokens, passwords,
 * secrets or assertions. Each HTTP call is reported to an {@link
 * io.github.sfactions.client.ApiCallListener}; {@code Sforce-Limit-Info} is exposed as {@link
 * io.github.sfactions.client.ApiUsage}.
 */
package io.github.sfactions.client;
