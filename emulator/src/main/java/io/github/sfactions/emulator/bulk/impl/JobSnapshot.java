package io.github.sfactions.emulator.bulk.impl;

import java.time.Instant;

/**
 * A consistent copy of a job's mutable state, taken under the job's lock, for rendering.
 *
 * @param spec the job definition
 * @param state current state
 * @param systemModstamp time of the last state change or upload
 * @param uploadedBytes size of the upload, 0 if none
 * @param recordsProcessed rows attempted, failed ones included
 * @param recordsFailed failed rows
 * @param internalBatches internal batches started
 * @param totalProcessingMillis wall time spent InProgress
 * @param activeProcessingMillis time spent writing rows
 * @param errorMessage why the job failed; {@code null} unless Failed
 */
public record JobSnapshot(
    JobSpec spec,
    JobState state,
    Instant systemModstamp,
    long uploadedBytes,
    long recordsProcessed,
    long recordsFailed,
    long internalBatches,
    long totalProcessingMillis,
    long activeProcessingMillis,
    String errorMessage) {}
