package io.github.sfactions.emulator;

/**
 * Rewrites the answer to matching requests after the emulator has handled them: the request takes
 * full effect (a record is created, a token is issued) and the client then sees {@code status}
 * and/or {@code body} instead of the real ones. For answers a real org gives rarely or a proxy may
 * produce, which clients must still judge correctly: a create answering {@code 201 {}}, a query
 * answer without {@code totalSize}, a token endpoint answering {@code 201} or {@code 500} with
 * tokens in the body.
 *
 * @param status the status to send instead, or null to keep the real one
 * @param body the body to send instead (JSON when not empty; {@code ""} sends no body), or null to
 *     keep the real one
 * @param count how many matching requests are rewritten (then the override is gone); null for every
 *     one until cleared
 * @param method the HTTP method to match, or null for any
 * @param path a substring of the request path to match; required for the token endpoint ({@code
 *     /services/oauth2/token}), which an override without a path never touches
 */
public record ResponseOverride(
    Integer status, String body, Integer count, String method, String path) {

  public ResponseOverride {
    if (status == null && body == null) {
      throw new IllegalArgumentException("A response override needs a status, a body or both");
    }
    if (status != null && (status < 100 || status > 599)) {
      throw new IllegalArgumentException("A response override status must be 100..599: " + status);
    }
    if (count != null && count < 1) {
      throw new IllegalArgumentException("A response override count must be at least 1: " + count);
    }
  }
}
