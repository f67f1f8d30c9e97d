package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.spring.intake.EventType;
import io.github.sfactions.spring.intake.InvalidEventException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * Checks one event against Segment's spec and completes it the way Segment's API does: {@code type}
 * from the endpoint, a generated {@code messageId} when the sender gave none ({@value
 * #GENERATED_ID_PREFIX} + UUID; such an event cannot be recognised as a retry), {@code receivedAt}
 * = now, {@code timestamp} = {@code receivedAt} when absent, numeric ids as text. Problems are
 * {@link InvalidEventException}s (400) naming the field.
 */
public final class EventNormalizer {

  /** Prefix of generated message ids. */
  public static final String GENERATED_ID_PREFIX = "api-";

  /** Longest messageId: it becomes the process instance business key (255 characters). */
  public static final int MAX_MESSAGE_ID_LENGTH = 255;

  private static final List<String> OBJECT_FIELDS =
      List.of("traits", "properties", "context", "integrations");
  private static final List<String> TIME_FIELDS =
      List.of("timestamp", "sentAt", "originalTimestamp");

  private EventNormalizer() {}

  /**
   * Validates and completes an event.
   *
   * @param raw the event as sent
   * @param endpointType the type of the endpoint it came to, or null for a batch or replay item
   *     (then {@code type} is required)
   * @param where how messages name the event, e.g. {@code "The event"} or {@code "batch[3]"}
   * @param receivedAt the time the request arrived
   * @return a completed copy
   */
  public static ObjectNode normalize(
      JsonNode raw, EventType endpointType, String where, Instant receivedAt) {
    if (raw == null || !raw.isObject()) {
      throw InvalidEventException.badRequest(
          where + " must be a JSON object, not " + describe(raw));
    }
    UnicodeText.firstUnpairedSurrogate(raw)
        .ifPresent(
            path -> {
              throw InvalidEventException.badRequest(
                  where
                      + ": "
                      + path
                      + " is not valid Unicode text (half of a UTF-16 surrogate pair, e.g. an"
                      + " escaped \\ud800 alone)");
            });
    ObjectNode event = ((ObjectNode) raw).deepCopy();
    EventType type = type(event, endpointType, where);
    event.put("type", type.wireName());
    String userId = id(event, "userId", where);
    String anonymousId = id(event, "anonymousId", where);
    if (userId == null && anonymousId == null) {
      throw InvalidEventException.badRequest(where + ": userId or anonymousId is required");
    }
    if (type == EventType.ALIAS && userId == null) {
      throw InvalidEventException.badRequest(where + ": userId is required for alias");
    }
    type.requiredField()
        .ifPresent(
            field -> {
              String value =
                  field.equals("event") ? text(event, field, where) : id(event, field, where);
              if (value == null) {
                throw InvalidEventException.badRequest(
                    where + ": " + field + " is required for " + type.wireName());
              }
            });
    if (event.has("name") && !event.get("name").isNull() && !event.get("name").isTextual()) {
      throw InvalidEventException.badRequest(where + ": name must be a string");
    }
    for (String field : OBJECT_FIELDS) {
      JsonNode value = event.get(field);
      if (value != null && !value.isNull() && !value.isObject()) {
        throw InvalidEventException.badRequest(
            where + ": " + field + " must be a JSON object, not " + describe(value));
      }
    }
    for (String field : TIME_FIELDS) {
      checkTime(event, field, where);
    }
    messageId(event, where);
    String received = receivedAt.toString();
    event.put("receivedAt", received);
    if (!event.hasNonNull("timestamp")) {
      event.put("timestamp", received);
    }
    return event;
  }

  private static EventType type(ObjectNode event, EventType endpointType, String where) {
    JsonNode typeNode = event.get("type");
    if (typeNode == null || typeNode.isNull()) {
      if (endpointType == null) {
        throw InvalidEventException.badRequest(
            where + ": type is required (one of " + EventType.wireNames() + ")");
      }
      return endpointType;
    }
    if (!typeNode.isTextual()) {
      throw InvalidEventException.badRequest(
          where + ": type must be a string (one of " + EventType.wireNames() + ")");
    }
    EventType given =
        EventType.fromWireName(typeNode.textValue())
            .orElseThrow(
                () ->
                    InvalidEventException.badRequest(
                        where
                            + ": type '"
                            + typeNode.textValue()
                            + "' is not one of "
                            + EventType.wireNames()));
    if (endpointType != null && given != endpointType) {
      throw InvalidEventException.badRequest(
          where
              + ": type '"
              + given.wireName()
              + "' does not match the endpoint /"
              + endpointType.wireName());
    }
    return given;
  }

  /**
   * A string or number id field as text (numbers are sent as text onwards); null when absent or
   * empty.
   */
  private static String id(ObjectNode event, String field, String where) {
    JsonNode node = event.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isNumber()) {
      String text = node.asText();
      event.put(field, text);
      return text;
    }
    if (!node.isTextual()) {
      throw InvalidEventException.badRequest(
          where + ": " + field + " must be a string, not " + describe(node));
    }
    return node.textValue().isBlank() ? null : node.textValue();
  }

  private static String text(ObjectNode event, String field, String where) {
    JsonNode node = event.get(field);
    if (node == null || node.isNull()) {
      return null;
    }
    if (!node.isTextual()) {
      throw InvalidEventException.badRequest(
          where + ": " + field + " must be a string, not " + describe(node));
    }
    return node.textValue().isBlank() ? null : node.textValue();
  }

  private static void messageId(ObjectNode event, String where) {
    String id = id(event, "messageId", where);
    if (id == null) {
      event.put("messageId", GENERATED_ID_PREFIX + UUID.randomUUID());
    } else if (id.chars().anyMatch(Character::isISOControl)) {
      throw InvalidEventException.badRequest(
          where
              + ": messageId must not contain control characters (such as U+0000): it becomes the"
              + " process instance's business key");
    } else if (id.length() > MAX_MESSAGE_ID_LENGTH) {
      throw InvalidEventException.badRequest(
          where
              + ": messageId has "
              + id.length()
              + " characters, at most "
              + MAX_MESSAGE_ID_LENGTH
              + " are allowed");
    }
  }

  private static void checkTime(ObjectNode event, String field, String where) {
    JsonNode node = event.get(field);
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isTextual()) {
      try {
        OffsetDateTime.parse(node.textValue());
        return;
      } catch (DateTimeParseException e) {
        // reported below
      }
    }
    throw InvalidEventException.badRequest(
        where
            + ": "
            + field
            + " must be an ISO-8601 date-time with offset, "
            + "e.g. 2026-11-29T14:35:09.000Z, not "
            + describe(node));
  }

  private static String describe(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isNull()) {
      return "null";
    }
    if (node.isArray()) {
      return "an array";
    }
    if (node.isObject()) {
      return "an object";
    }
    String text = node.toString();
    return text.length() > 40 ? text.substring(0, 40) + "..." : text;
  }
}
