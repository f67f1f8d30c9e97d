package io.github.sfactions.action;

import java.util.List;

/**
 * What a matcher lookup found.
 *
 * @param matchCount Salesforce's totalSize: how many records match
 * @param recordIds the ids returned (at most the lookup's maxRecords; may be fewer than matchCount)
 */
public record LookupResult(int matchCount, List<String> recordIds) {

  public LookupResult {
    recordIds = List.copyOf(recordIds);
  }
}
