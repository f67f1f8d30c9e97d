package io.github.sfactions.emulator.bulk;

/**
 * A point-in-time view of one ingest job, for admin and statistics views of the emulator.
 *
 * @param id the job id (18 characters, key prefix {@code 750})
 * @param object canonical sObject name
 * @param operation {@code insert}, {@code update}, {@code upsert}, {@code delete} or {@code
 *     hardDelete}
 * @param state {@code Open}, {@code UploadComplete}, {@code InProgress}, {@code JobComplete},
 *     {@code Failed} or {@code Aborted}
 * @param uploadedBytes size of the uploaded CSV, 0 before the upload
 * @param recordsProcessed rows attempted so far, failed ones included
 * @param recordsFailed rows that failed
 * @param internalBatches internal batches of up to 10,000 records started so far
 */
public record BulkJobSummary(
    String id,
    String object,
    String operation,
    String state,
    long uploadedBytes,
    long recordsProcessed,
    long recordsFailed,
    long internalBatches) {}
