package io.github.sfactions.emulator;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One entry of the emulator's bounded request log.
 *
 * @param headers request headers; Authorization values are redacted
 * @param body request body text, truncated at the configured cap
 * @param status HTTP status answered (0 when no response was sent)
 */
public record RecordedRequest(
    Instant at,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    int status) {}
