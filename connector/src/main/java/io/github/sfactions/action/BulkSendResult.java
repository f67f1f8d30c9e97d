package io.github.sfactions.action;

import io.github.sfactions.client.BulkJobInfo;
import java.util.List;

/**
 * The jobs a {@link BulkSender} created and closed, one per batch of the plan, in order.
 *
 * @param jobs the close responses (state {@code UploadComplete})
 * @param apiCalls Salesforce API calls spent (3 per job: create, upload, close)
 */
public record BulkSendResult(List<BulkJobInfo> jobs, int apiCalls) {

  public BulkSendResult {
    jobs = List.copyOf(jobs);
  }

  /** The job ids, in batch order. */
  public List<String> jobIds() {
    return jobs.stream().map(BulkJobInfo::id).toList();
  }
}
