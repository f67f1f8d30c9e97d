package io.github.sfactions.action;

import io.github.sfactions.client.BulkBatch;
import io.github.sfactions.client.BulkIngest;
import io.github.sfactions.client.BulkJobInfo;
import io.github.sfactions.client.SalesforceClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a {@link BulkJobPlan}: for each batch, create the job, upload the CSV, close the job (§8.3). Unlike the
 * reference, a failed upload <em>aborts</em> the job instead of closing it (deviation 4), so Salesforce never
 * processes a partial upload; the upload error is rethrown. The caller polls the jobs and fetches results.
 */
public final class BulkSender {

  private static final Logger LOG = LoggerFactory.getLogger(BulkSender.class);

  private final SalesforceClient client;

  /** A sender over this client. */
  public BulkSender(SalesforceClient client) {
    this.client = Objects.requireNonNull(client, "client");
  }

  /**
   * Creates, uploads and closes one job per batch, in order. If a batch fails, the jobs of earlier batches stay
   * closed (Salesforce processes them) and the error is thrown.
   */
  public BulkSendResult send(BulkJobPlan plan) {
    ApiCallCounter calls = new ApiCallCounter();
    BulkIngest bulk = calls.on(client).bulk();
    List<BulkJobInfo> jobs = new ArrayList<>();
    for (BulkBatch<Map<String, Object>> batch : plan.batches()) {
      jobs.add(sendOne(bulk, plan, batch));
    }
    return new BulkSendResult(jobs, calls.count());
  }

  private static BulkJobInfo sendOne(BulkIngest bulk, BulkJobPlan plan, BulkBatch<Map<String, Object>> batch) {
    BulkJobInfo job = bulk.createJob(plan.job().toJobRequest());
    if (job == null || job.id() == null || job.id().isEmpty()) {
      throw new ActionException(ActionMessages.CREATE_JOB_FAILED, ActionMessages.CODE_CREATE_JOB_FAILED, 500);
    }
    try {
      bulk.upload(job.id(), batch.csv());
    } catch (RuntimeException uploadFailure) {
      abortQuietly(bulk, job.id(), uploadFailure);
      throw uploadFailure;
    }
    return bulk.closeJob(job.id());
  }

  private static void abortQuietly(BulkIngest bulk, String jobId, RuntimeException uploadFailure) {
    try {
      bulk.abortJob(jobId);
    } catch (RuntimeException abortFailure) {
      // the upload error is what the user must see; the abort error rides along
      uploadFailure.addSuppressed(abortFailure);
      LOG.warn("Could not abort bulk job {} after its upload failed: {}", jobId, abortFailure.getMessage());
    }
  }
}
