package io.github.sfactions.emulator.impl.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Earlier snapshots of the records a transaction touched, so an all-or-none request can roll back.
 */
public final class UndoLog {
  private record Entry(ObjectTable table, String id, Map<String, Object> previous) {}

  private final List<Entry> entries = new ArrayList<>();
  private final UndoLog enclosing;

  public UndoLog() {
    this(null);
  }

  /**
   * A log inside an enclosing transaction (a collection in an all-or-none composite): both see
   * every change.
   */
  public UndoLog(UndoLog enclosing) {
    this.enclosing = enclosing;
  }

  public void record(ObjectTable table, String id, Map<String, Object> previous) {
    entries.add(new Entry(table, id, previous));
    if (enclosing != null) {
      enclosing.record(table, id, previous);
    }
  }

  /** Restores every touched record, newest change first. */
  public void rollback() {
    for (int i = entries.size() - 1; i >= 0; i--) {
      Entry e = entries.get(i);
      e.table().restore(e.id(), e.previous());
    }
    entries.clear();
  }
}
