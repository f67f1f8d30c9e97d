/**
 * Segment's "Salesforce (Actions)" semantics on top of the Salesforce client, without Camunda: the
 * six actions ({@link io.github.sfactions.action.ActionType}), V1 operations and V2 sync modes
 * ({@link io.github.sfactions.action.Operation}), record bodies, required fields, record matchers
 * and lookups ({@link io.github.sfactions.action.RecordMatchers}, {@link
 * io.github.sfactions.action.RecordLookup}; a group's lookups in shared queries: {@link
 * io.github.sfactions.action.GroupLookup}; its writes in sObject Collections calls: {@link
 * io.github.sfactions.action.GroupWriter}), the REST executor ({@link
 * io.github.sfactions.action.ActionExecutor}), and the Bulk API 2.0 rules for one record ({@link
 * io.github.sfactions.action.BulkRecords}); the bulk jobs themselves are run by the BPMN bulk
 * steps. Business outcomes are {@link io.github.sfactions.action.ActionException}s with the
 * reference's exact messages.
 */
package io.github.sfactions.action;
