package io.github.sfactions.camunda;

/**
 * Where the action connectors put a record that should travel in a batch ({@code useBulkApi=true},
 * {@code delivery=bulk} or {@code delivery=microBatch}) instead of one REST call.
 *
 * <p>The connector validates the record first (the reference's bulk rules, §8.1), then calls {@link
 * #enqueue} inside the job's transaction and reports {@code result=queued}. An implementation must
 * store the entry durably in that same transaction (the engine database), so that a rolled-back job
 * leaves nothing queued and a committed one loses nothing; a collector later sends groups of
 * entries and reports each record's outcome to the process instance that queued it ({@link
 * BulkQueueEntry#processInstanceId()}).
 *
 * <p>Register one with {@link BulkQueues#register(BulkQueue)}. With none registered, a batched
 * delivery fails with a configuration error (an incident), never silently.
 */
public interface BulkQueue {

  /**
   * Stores the entry durably.
   *
   * @return an id for the queued entry (shown to the user as {@code queueEntryId})
   */
  String enqueue(BulkQueueEntry entry);
}
