package io.github.sfactions.bpmn.bulk.impl;

/**
 * The outcome of one micro-batch record, stored on its queue row until delivered: what the REST
 * action connector would have returned, or the business error it would have thrown.
 *
 * @param seq the queue row (entry id)
 * @param processInstanceId the instance that queued it, or null
 * @param result {@code created}, {@code updated}, {@code deleted} or {@code failed}
 * @param recordId the record's Id, or null
 * @param matchCount REST's {@code matchCount}, or null
 * @param status REST's {@code statusCode} (201, 200, 204), or the failure's status (300, 400, 404,
 *     or 500 for a failure no retry mends)
 * @param errorCode the failure's code, else null
 * @param error the failure's message, else null
 * @param recordIds on a {@code 300}: the matched Ids as a JSON array, else null
 */
record MicroOutcome(
    long seq,
    String processInstanceId,
    String result,
    String recordId,
    Integer matchCount,
    int status,
    String errorCode,
    String error,
    String recordIds) {

  /** The entry id as text. */
  String entryId() {
    return Long.toString(seq);
  }

  boolean failed() {
    return errorCode != null || error != null;
  }
}
