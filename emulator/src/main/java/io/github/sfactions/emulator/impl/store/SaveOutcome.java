package io.github.sfactions.emulator.impl.store;

/** The id written and whether a record was created. */
public record SaveOutcome(String id, boolean created) {}
