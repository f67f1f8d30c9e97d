package io.github.sfactions.emulator.impl.store;

import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.meta.Schema;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every object's table; the org's record state. */
public final class OrgStore {
  /** Fields indexed beyond external ids: the duplicate-rule keys. */
  private static final Map<String, List<String>> EXTRA_INDEXES =
      Map.of("Lead", List.of("Email"), "Contact", List.of("Email"));

  private final Map<String, ObjectTable> tables = new LinkedHashMap<>();
  private volatile Runnable changeListener = () -> {};

  public OrgStore(Schema schema) {
    for (ObjectDef def : schema.objects()) {
      tables.put(
          def.name(), new ObjectTable(def, EXTRA_INDEXES.getOrDefault(def.name(), List.of())));
    }
  }

  /** The table of a canonical object name. */
  public ObjectTable table(String canonicalName) {
    ObjectTable t = tables.get(canonicalName);
    if (t == null) {
      throw new IllegalArgumentException("No table for " + canonicalName);
    }
    return t;
  }

  public Collection<ObjectTable> tables() {
    return tables.values();
  }

  /** Called after every committed change (persistence hook). */
  public void onChange(Runnable listener) {
    this.changeListener = listener;
  }

  public void changed() {
    changeListener.run();
  }

  public void clear() {
    tables.values().forEach(ObjectTable::clear);
  }
}
