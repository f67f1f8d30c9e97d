package io.github.sfactions.client;

/**
 * Outcome of a native upsert by external id ({@code PATCH /sobjects/{Object}/{Field}/{value}}).
 *
 * @param id the record id (null only for API versions before 46.0, which answer an update with 204
 *     and no body)
 * @param created true for 201 (a record was inserted), false for 200/204 (an existing record was
 *     updated)
 */
public record UpsertResult(String id, boolean created) {}
