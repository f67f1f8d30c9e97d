package io.github.sfactions.examples;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Malformed and hostile events for the intake, each with the outcome it must have: refused as a
 * whole request, rejected as a batch item, or accepted and then refused by Salesforce's (or the
 * connector's) validation so that the identify example waits at "Fix the Lead data".
 */
final class HostileEvents {

  /** What must become of a hostile event. */
  enum Outcome {
    /** Sent alone to {@code /v1/identify}: a 4xx JSON error. */
    REQUEST_REFUSED,
    /** An item of a {@code /v1/batch} request: listed among the rejected events. */
    ITEM_REJECTED,
    /** Accepted; the Lead is refused with a {@code 400} and waits at "Fix the Lead data". */
    LEAD_REFUSED
  }

  /**
   * One hostile event.
   *
   * @param kind what it tries, e.g. {@code truncated JSON}
   * @param body the request body (REQUEST_REFUSED) or the batch item's JSON (the others)
   * @param messageId the message id of a LEAD_REFUSED event, else null
   */
  record Hostile(String kind, Outcome outcome, byte[] body, String messageId) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The e-mail of a seeded Lead that a matcher injection would reach if it were not escaped. */
  static final String SEEDED_EMAIL = "seed-1@seed.example";

  private HostileEvents() {}

  /** {@code count} events, cycling through the kinds. */
  static List<Hostile> all(int count) {
    List<Kind> kinds = kinds();
    List<Hostile> events = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      events.add(kinds.get(i % kinds.size()).make(i));
    }
    return events;
  }

  private record Kind(String name, Outcome outcome, IntFunction<Object> body) {
    Hostile make(int i) {
      Object value = body.apply(i);
      String messageId = null;
      byte[] bytes;
      if (value instanceof ObjectNode node) {
        if (outcome == Outcome.LEAD_REFUSED) {
          messageId = node.get("messageId").asText();
        }
        bytes = node.toString().getBytes(StandardCharsets.UTF_8);
      } else if (value instanceof byte[] raw) {
        bytes = raw;
      } else {
        bytes = ((String) value).getBytes(StandardCharsets.UTF_8);
      }
      return new Hostile(name, outcome, bytes, messageId);
    }
  }

  private static List<Kind> kinds() {
    return List.of(
        // refused as a whole request
        refused("truncated JSON", i -> "{\"userId\": \"u" + i + "\", \"traits\": {\"email\": \"x"),
        refused("single-quoted JSON", i -> "{'userId': 'u" + i + "'}"),
        refused("a second value after the event", i -> "{\"userId\": \"u" + i + "\"} {\"x\": 1}"),
        refused("invalid UTF-8", HostileEvents::invalidUtf8),
        refused("a 5,000-digit number", i -> "{\"userId\": " + "9".repeat(5000) + "}"),
        refused("200 levels of nesting", i -> "[".repeat(200) + "]".repeat(200)),
        refused(
            "an event over 32 KB", i -> identify(i, "big" + i + "@x.example", "x".repeat(33_000))),
        refused("duplicate keys", i -> "{\"userId\": \"a" + i + "\", \"userId\": \"b\"}"),
        refused("an array instead of an object", i -> "[{\"userId\": \"u" + i + "\"}]"),
        // rejected as batch items
        rejected("traits as a string", i -> item(i).put("traits", "email=x@y.example")),
        rejected(
            "userId as an object",
            i -> item(i).set("userId", JSON.createObjectNode().putNull("$ne"))),
        rejected("type missing", i -> (ObjectNode) item(i).without("type")),
        rejected(
            "type as an injection",
            i -> item(i).put("type", "identify'; DROP TABLE ACT_RU_JOB;--")),
        rejected("timestamp not a date", i -> item(i).put("timestamp", "yesterday")),
        rejected("messageId over 255 characters", i -> item(i).put("messageId", "m".repeat(300))),
        rejected("neither userId nor anonymousId", i -> (ObjectNode) item(i).without("userId")),
        rejected("a NUL in the messageId", i -> item(i).put("messageId", "m\u0000" + i)),
        rejected(
            "an unpaired surrogate in a trait",
            i ->
                item(i).put("type", "identify").toString().replace("\"Item\"", "\"Lone \\ud800\"")),
        // accepted, refused by validation: the matcher injection must not reach another record
        leadRefused(
            "matcher injection: always true", i -> identify(i, "' OR Name != '", "Injected")),
        leadRefused(
            "matcher injection: aimed at a seeded Lead",
            i -> identify(i, "x' OR Email = '" + SEEDED_EMAIL, "Injected")),
        leadRefused(
            "a last name over 80 characters",
            i -> identify(i, "long" + i + "@x.example", "é".repeat(300))),
        leadRefused("no last name and no company", i -> identifyWithout(i)));
  }

  private static Kind refused(String name, IntFunction<Object> body) {
    return new Kind(name, Outcome.REQUEST_REFUSED, body);
  }

  private static Kind rejected(String name, IntFunction<Object> body) {
    return new Kind(name, Outcome.ITEM_REJECTED, body);
  }

  private static Kind leadRefused(String name, IntFunction<ObjectNode> body) {
    return new Kind(name, Outcome.LEAD_REFUSED, i -> body.apply(i).put("type", "identify"));
  }

  /** A valid identify batch item, to be spoiled. */
  private static ObjectNode item(int i) {
    ObjectNode event = identify(i, "item" + i + "@x.example", "Item");
    event.put("type", "identify");
    return event;
  }

  private static ObjectNode identify(int i, String email, String lastName) {
    return identify("hostile-" + i, email, lastName, "Hostile Inc");
  }

  /** An identify event of this user with a fresh message id and these traits. */
  static ObjectNode identify(String userId, String email, String lastName, String company) {
    ObjectNode event = JSON.createObjectNode();
    event.put("userId", userId).put("messageId", userId + "-" + UUID.randomUUID());
    event
        .putObject("traits")
        .put("email", email)
        .put("last_name", lastName)
        .put("company", company);
    return event;
  }

  private static ObjectNode identifyWithout(int i) {
    ObjectNode event = JSON.createObjectNode();
    event.put("userId", "hostile-" + i).put("messageId", "hostile-" + UUID.randomUUID());
    event.putObject("traits").put("email", "nameless" + i + "@x.example");
    return event;
  }

  private static byte[] invalidUtf8(int i) {
    byte[] head =
        ("{\"userId\": \"u" + i + "\", \"traits\": {\"last_name\": \"")
            .getBytes(StandardCharsets.UTF_8);
    byte[] tail = "\"}}".getBytes(StandardCharsets.UTF_8);
    byte[] body = new byte[head.length + 2 + tail.length];
    System.arraycopy(head, 0, body, 0, head.length);
    body[head.length] = (byte) 0xC3; // a lead byte ...
    body[head.length + 1] = (byte) 0x28; // ... followed by no continuation byte
    System.arraycopy(tail, 0, body, head.length + 2, tail.length);
    return body;
  }
}
