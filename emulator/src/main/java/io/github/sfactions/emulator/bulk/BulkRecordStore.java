package io.github.sfactions.emulator.bulk;

import java.util.Map;
import java.util.Optional;

/**
 * The record store a Bulk API 2.0 ingest job writes to, one CSV row at a time.
 *
 * <p>Implemented by the emulator core over its record store and the same validators the REST API
 * uses, so a bulk row fails exactly like the equivalent REST call would. Implementations must be
 * thread-safe: jobs are processed on background threads while REST calls run concurrently.
 *
 * <p>Cell maps are keyed by canonical field names (as returned by {@link #canonicalFieldName}). A
 * key that is <em>absent</em> was an empty CSV cell and means "leave unchanged"; a key present with
 * a {@code null} value was {@code #N/A} and means "set the field to null". Values are the raw CSV
 * text; the store converts them to the field type.
 */
public interface BulkRecordStore {

  /** Canonical name of an sObject type, looked up case-insensitively; empty when unknown. */
  Optional<String> canonicalObjectName(String name);

  /**
   * Canonical name of a field of {@code canonicalObject}, looked up case-insensitively; empty when
   * unknown. CSV header columns are passed here unchanged, so a store that supports relationship
   * columns such as {@code Account.Ext__c} may resolve them and will then receive that key in
   * cells.
   */
  Optional<String> canonicalFieldName(String canonicalObject, String field);

  /**
   * A new valid 18-character id with the given 3-character key prefix (e.g. {@code 750} for jobs).
   */
  String newId(String keyPrefix);

  /** The 18-character id of the running user, reported as a job's {@code createdById}. */
  String userId();

  /** Inserts one row; the result carries the new id and {@code created = true} on success. */
  BulkRowResult insert(String object, Map<String, String> cells);

  /** Updates the record {@code id} (15 or 18 characters) with the given cells. */
  BulkRowResult update(String object, String id, Map<String, String> cells);

  /**
   * Inserts or updates by the external id field; the external id value is in {@code cells} under
   * {@code externalIdField}. {@code created} tells which of the two happened.
   */
  BulkRowResult upsert(String object, String externalIdField, Map<String, String> cells);

  /** Deletes the record {@code id}; {@code hardDelete} bypasses the recycle bin. */
  BulkRowResult delete(String object, String id, boolean hardDelete);
}
