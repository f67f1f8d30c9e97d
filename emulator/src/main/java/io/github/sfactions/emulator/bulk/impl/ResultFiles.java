package io.github.sfactions.emulator.bulk.impl;

/**
 * The finished result CSVs of a job that was processed (fully or partly).
 *
 * @param successful body of {@code successfulResults}
 * @param failed body of {@code failedResults}
 */
public record ResultFiles(byte[] successful, byte[] failed) {}
