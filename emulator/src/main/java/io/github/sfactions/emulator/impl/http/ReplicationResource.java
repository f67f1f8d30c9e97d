package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.FieldValues;
import io.github.sfactions.emulator.impl.meta.ObjectDef;
import io.github.sfactions.emulator.impl.store.ObjectTable;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code sobjects/{Object}/updated/?start=&end=} and {@code .../deleted/?start=&end=} (data
 * replication, REST API 29.0+): ids changed or deleted in the span, judged by {@code
 * SystemModstamp}. Rules as Salesforce documents them for getUpdated()/getDeleted(): start must
 * precede end, updated looks back at most 30 days and deleted 15, seconds are ignored, and more
 * than 600,000 ids is {@code EXCEEDED_ID_LIMIT}.
 */
final class ReplicationResource {
  static final String UPDATED = "updated";
  static final String DELETED = "deleted";
  private static final String P_START = "start";
  private static final String P_END = "end";
  private static final Duration UPDATED_WINDOW = Duration.ofDays(30);
  private static final Duration DELETED_WINDOW = Duration.ofDays(15);
  private static final int MAX_IDS = 600_000;

  /**
   * {@code 2013-05-05T00:00:00+00:00}, {@code ...+0000}, {@code ...Z}, with or without fractions.
   */
  private static final DateTimeFormatter INPUT =
      new DateTimeFormatterBuilder()
          .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private final EmulatorCore core;

  ReplicationResource(EmulatorCore core) {
    this.core = core;
  }

  Reply handle(Call call, ObjectDef def, String kind) {
    call.describe("sobjects", def.name(), kind);
    if (!call.method().equals("GET")) {
      return DataApi.methodNotAllowed(call, "GET");
    }
    Instant start = instant(call, P_START);
    Instant end = instant(call, P_END);
    if (!start.isBefore(end)) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_REPLICATION_DATE,
          "start must be before end: start=" + call.query(P_START) + ", end=" + call.query(P_END));
    }
    Instant now = core.clock().instant();
    boolean deleted = kind.equals(DELETED);
    Instant earliest =
        now.minus(deleted ? DELETED_WINDOW : UPDATED_WINDOW).truncatedTo(ChronoUnit.MINUTES);
    if (start.isBefore(earliest)) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_REPLICATION_DATE,
          "start can not be more than "
              + (deleted ? "15" : "30")
              + " days ago: "
              + call.query(P_START));
    }
    Instant covered = end.isAfter(now) ? now : end;
    List<Map<String, Object>> deletedRows = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    for (Map<String, Object> row : core.store().table(def.name()).all()) {
      if (ObjectTable.isDeleted(row) != deleted) {
        continue;
      }
      Instant stamp =
          OffsetDateTime.parse((String) row.get("SystemModstamp"), FieldValues.DATETIME_OUT)
              .toInstant();
      if (!stamp.isBefore(start) && !stamp.isAfter(covered)) {
        String id = (String) row.get("Id");
        ids.add(id);
        if (deleted) {
          Map<String, Object> d = new LinkedHashMap<>();
          d.put("id", id);
          d.put("deletedDate", row.get("SystemModstamp"));
          deletedRows.add(d);
        }
      }
      if (ids.size() > MAX_IDS) {
        throw new ApiException(
            400,
            ErrorCodes.EXCEEDED_ID_LIMIT,
            "More than " + MAX_IDS + " ids in the span; choose start and end closer together");
      }
    }
    Map<String, Object> out = new LinkedHashMap<>();
    if (deleted) {
      out.put("deletedRecords", deletedRows);
      out.put("earliestDateAvailable", FieldValues.formatDateTime(earliest));
      out.put("latestDateCovered", FieldValues.formatDateTime(covered));
    } else {
      out.put("ids", ids);
      out.put("latestDateCovered", FieldValues.formatDateTime(covered));
    }
    return Reply.json(200, out);
  }

  /** The parameter as an instant, seconds dropped (Salesforce ignores them). */
  private static Instant instant(Call call, String name) {
    String v = call.query(name);
    if (v == null || v.isBlank()) {
      throw new ApiException(
          400, ErrorCodes.MISSING_ARGUMENT, "Missing required parameter: " + name);
    }
    try {
      var parsed = INPUT.parseBest(v.trim(), OffsetDateTime::from, java.time.LocalDateTime::from);
      Instant i =
          parsed instanceof OffsetDateTime o
              ? o.toInstant()
              : ((java.time.LocalDateTime) parsed).toInstant(java.time.ZoneOffset.UTC);
      return i.truncatedTo(ChronoUnit.MINUTES);
    } catch (DateTimeParseException e) {
      throw new ApiException(
          400,
          ErrorCodes.INVALID_REPLICATION_DATE,
          "Invalid "
              + name
              + " date/time '"
              + v
              + "': use UTC in ISO 8601 form, e.g. 2013-05-05T00:00:00+00:00");
    }
  }
}
