package io.github.sfactions.emulator.impl.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Earlier snapshots of the records a transaction touched, so an all-or-none request can roll back. */
public final class UndoLog {
    private record Entry(ObjectTable table, String id, Map<String, Object> previous) {
    }

    private final List<Entry> entries = new ArrayList<>();

    public void record(ObjectTable table, String id, Map<String, Object> previous) {
        entries.add(new Entry(table, id, previous));
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
