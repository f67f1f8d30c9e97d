package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sfactions.spring.intake.impl.EventNormalizer;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class EventNormalizerTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

  @Test
  void completesAnEventLikeSegment() {
    ObjectNode event =
        normalize("{\"userId\": 42, \"traits\": {\"email\": \"a@b.example\"}}", EventType.IDENTIFY);

    assertThat(event.get("type").asText()).isEqualTo("identify");
    assertThat(event.get("userId").isTextual()).isTrue();
    assertThat(event.get("userId").asText()).isEqualTo("42");
    assertThat(event.get("messageId").asText()).startsWith(EventNormalizer.GENERATED_ID_PREFIX);
    assertThat(event.get("receivedAt").asText()).isEqualTo("2026-11-29T12:00:00Z");
    assertThat(event.get("timestamp").asText()).isEqualTo("2026-11-29T12:00:00Z");
  }

  @Test
  void keepsTheSendersMessageIdAndTimestamp() {
    ObjectNode event =
        normalize(
            "{\"anonymousId\": \"a\", \"messageId\": \"m-1\", \"timestamp\": "
                + "\"2026-01-02T03:04:05.000+01:00\", \"name\": \"Home\"}",
            EventType.PAGE);

    assertThat(event.get("messageId").asText()).isEqualTo("m-1");
    assertThat(event.get("timestamp").asText()).isEqualTo("2026-01-02T03:04:05.000+01:00");
  }

  @Test
  void rejectsWhatSegmentRejectsNamingTheField() {
    assertRejected("{\"traits\": {}}", EventType.IDENTIFY, "userId or anonymousId is required");
    assertRejected("{\"userId\": \"  \"}", EventType.IDENTIFY, "userId or anonymousId is required");
    assertRejected("{\"userId\": {\"x\": 1}}", EventType.IDENTIFY, "userId must be a string");
    assertRejected("{\"userId\": \"u\"}", EventType.TRACK, "event is required for track");
    assertRejected("{\"userId\": \"u\"}", EventType.GROUP, "groupId is required for group");
    assertRejected(
        "{\"anonymousId\": \"a\", \"previousId\": \"p\"}",
        EventType.ALIAS,
        "userId is required for alias");
    assertRejected(
        "{\"userId\": \"u\", \"traits\": [1]}", EventType.IDENTIFY, "traits must be a JSON object");
    assertRejected(
        "{\"userId\": \"u\", \"timestamp\": \"yesterday\"}",
        EventType.IDENTIFY,
        "timestamp must be an ISO-8601 date-time");
    assertRejected(
        "{\"userId\": \"u\", \"messageId\": \"" + "m".repeat(256) + "\"}",
        EventType.IDENTIFY,
        "messageId has 256 characters");
    assertRejected("[1, 2]", EventType.IDENTIFY, "must be a JSON object, not an array");
    assertRejected(
        "{\"type\": \"click\", \"userId\": \"u\"}",
        null,
        "type 'click' is not one of identify, track");
  }

  @Test
  void rejectsAMessageIdWithControlCharactersBecauseItBecomesTheBusinessKey() {
    assertRejected(
        "{\"userId\": \"u\", \"messageId\": \"m\\u0000-1\"}",
        EventType.IDENTIFY,
        "messageId must not contain control characters");
    assertRejected(
        "{\"userId\": \"u\", \"messageId\": \"m\\n1\"}",
        EventType.IDENTIFY,
        "messageId must not contain control characters");
  }

  @Test
  void rejectsTextThatIsNotValidUnicodeNamingWhere() {
    assertRejected(
        "{\"userId\": \"u\", \"traits\": {\"last_name\": \"Lone \\ud800\"}}",
        EventType.IDENTIFY,
        "The event: traits.last_name is not valid Unicode text");
    assertRejected(
        "{\"userId\": \"u\", \"properties\": {\"items\": [\"ok\", \"\\udc00 first\"]}}",
        EventType.TRACK,
        "properties.items[1] is not valid Unicode text");
    assertRejected(
        "{\"userId\": \"u\", \"traits\": {\"\\ud83d\": 1}}",
        EventType.IDENTIFY,
        "The event: a field name in traits is not valid Unicode text");
  }

  @Test
  void keepsUnicodeBeyondTheBasicPlaneAndOtherControlCharactersInValues() {
    ObjectNode event =
        normalize(
            "{\"userId\": \"u\", \"traits\": {\"name\": \"Zo\u00eb \\ud83d\\ude00\","
                + " \"note\": \"a\\u0000b\"}}",
            EventType.IDENTIFY);

    assertThat(event.get("traits").get("name").asText()).isEqualTo("Zoë \ud83d\ude00");
    assertThat(event.get("traits").get("note").asText()).isEqualTo("a\u0000b");
  }

  private static void assertRejected(String json, EventType type, String message) {
    assertThatThrownBy(() -> normalize(json, type))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((InvalidEventException) e).status()).isEqualTo(400));
  }

  private static ObjectNode normalize(String json, EventType type) {
    try {
      JsonNode node = MAPPER.readTree(json);
      return EventNormalizer.normalize(node, type, "The event", NOW);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalArgumentException(e);
    }
  }
}
