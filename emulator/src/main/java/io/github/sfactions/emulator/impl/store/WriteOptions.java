package io.github.sfactions.emulator.impl.store;

/**
 * Per-request write options.
 *
 * @param allowDuplicateSave the caller sent {@code Sforce-Duplicate-Rule-Header: allowSave=true}
 * @param undo where to record earlier snapshots for rollback, or null
 * @param apiVersion version used in record URLs inside error bodies, e.g. "62.0"
 */
public record WriteOptions(boolean allowDuplicateSave, UndoLog undo, String apiVersion) {
  public static WriteOptions plain(String apiVersion) {
    return new WriteOptions(false, null, apiVersion);
  }
}
