package io.github.sfactions.emulator.impl.auth;

/**
 * The login and instance URL of one scheme (HTTP or HTTPS). Token responses, identity URLs and
 * resource links use the pair of the listener a request came in on, so a client that logged in over
 * HTTPS stays on HTTPS.
 */
public record Endpoints(String loginUrl, String instanceUrl) {}
