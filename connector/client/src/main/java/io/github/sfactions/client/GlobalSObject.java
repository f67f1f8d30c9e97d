package io.github.sfactions.client;

/**
 * One entry of the describe global answer ({@code GET /sobjects}).
 *
 * @param name API name
 * @param keyPrefix 3-char id prefix (may be null)
 */
public record GlobalSObject(
    String name,
    String label,
    String keyPrefix,
    boolean custom,
    boolean createable,
    boolean updateable,
    boolean deletable,
    boolean queryable) {}
