package io.github.sfactions.action;

/**
 * What an action did: the outputs of every action connector.
 *
 * @param recordId the Id of the record created, updated or deleted; null when queued
 * @param outcome created, updated, deleted, skipped or queued
 * @param matchCount how many records the lookup matched; null when no lookup ran (create, queued);
 *     1 for the {@code Id} shortcut; for a native upsert 1 when updated, 0 when created
 * @param statusCode the HTTP status of the write (201 created, 200 upserted existing, 204
 *     updated/deleted), 202 when queued
 * @param apiCalls the Salesforce HTTP calls this action made (token calls not counted)
 */
public record ActionResult(
    String recordId, Outcome outcome, Integer matchCount, int statusCode, int apiCalls) {}
