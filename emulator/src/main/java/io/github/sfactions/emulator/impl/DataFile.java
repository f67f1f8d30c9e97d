package io.github.sfactions.emulator.impl;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.emulator.impl.http.Json;
import io.github.sfactions.emulator.impl.meta.FieldDef;
import io.github.sfactions.emulator.impl.meta.FieldType;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.store.ObjectTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Optional persistence of records in a JSON file: loaded at start, written after changes
 * (debounced) and at shutdown. Format: {@code {"records":{"Account":[{...}], ...}}}, deleted
 * records included.
 */
public final class DataFile {
  private static final Logger LOG = Logger.getLogger(DataFile.class.getName());
  private static final long DEBOUNCE_MILLIS = 500;

  private final Path path;
  private final EmulatorCore core;
  private final AtomicBoolean scheduled = new AtomicBoolean();

  public DataFile(Path path, EmulatorCore core) {
    this.path = path;
    this.core = core;
  }

  /** Loads the file when it exists; true when records were loaded. */
  public boolean load() {
    if (!Files.exists(path)) {
      return false;
    }
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(path.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read data file " + path + ": " + e.getMessage(), e);
    }
    JsonNode records = root == null ? null : root.get("records");
    if (records == null || !records.isObject()) {
      throw new IllegalArgumentException("Data file " + path + " has no \"records\" object");
    }
    Iterator<Map.Entry<String, JsonNode>> it = records.properties().iterator();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      ObjectDef def =
          core.schema()
              .object(e.getKey())
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "Data file " + path + " holds records of unknown object " + e.getKey()));
      ObjectTable table = core.store().table(def.name());
      for (JsonNode rec : e.getValue()) {
        Map<String, Object> row = new LinkedHashMap<>();
        for (FieldDef f : def.fields().values()) {
          row.put(f.name(), value(f, rec.get(f.name())));
        }
        String id = (String) row.get("Id");
        if (id == null) {
          continue;
        }
        core.ids().observe(id);
        observeAutoNumbers(def, table, row);
        table.put(id, Collections.unmodifiableMap(row));
      }
    }
    return true;
  }

  private static void observeAutoNumbers(
      ObjectDef def, ObjectTable table, Map<String, Object> row) {
    for (FieldDef f : def.fields().values()) {
      if (f.autoNumber() && row.get(f.name()) instanceof String s && s.matches("\\d{1,18}")) {
        // Case numbers start at 00001000 for auto number 1.
        table.observeAutoNumber(Long.parseLong(s) - 999);
      }
    }
  }

  private static Object value(FieldDef f, JsonNode v) {
    if (v == null || v.isNull()) {
      return null;
    }
    if (f.type() == FieldType.BOOLEAN) {
      return v.asBoolean();
    }
    if (f.type().isNumber()) {
      return v.isNumber() ? v.decimalValue() : new BigDecimal(v.asText());
    }
    return v.asText();
  }

  /** Schedules a write shortly after a change; bursts of changes give one write. */
  public void changed() {
    if (scheduled.compareAndSet(false, true)) {
      try {
        core.scheduler().schedule(this::writeNow, DEBOUNCE_MILLIS, TimeUnit.MILLISECONDS);
      } catch (java.util.concurrent.RejectedExecutionException e) {
        scheduled.set(false);
      }
    }
  }

  /** Writes the file now (atomically via a temporary file). */
  public synchronized void writeNow() {
    scheduled.set(false);
    Map<String, Object> records = new LinkedHashMap<>();
    for (ObjectTable t : core.store().tables()) {
      if (io.github.sfactions.emulator.impl.meta.StandardObjects.orgManaged(t.def())) {
        continue; // made from the configuration at every start
      }
      if (t.size() > 0) {
        records.put(t.def().name(), t.all());
      }
    }
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
      Files.write(tmp, Json.write(Map.of("records", records)));
      Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      LOG.log(Level.WARNING, "Cannot write data file " + path, e);
    }
  }
}
