package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.sfactions.spring.intake.InvalidEventException;
import io.github.sfactions.spring.intake.InvalidEventException.Reason;
import java.io.IOException;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Parses what senders send, within limits that no valid event reaches: nesting depth {@value
 * #MAX_NESTING_DEPTH}, numbers of at most {@value #MAX_NUMBER_LENGTH} characters, strings no longer
 * than an event may be, no duplicate keys, nothing after the value. Every failure is a 400 {@link
 * InvalidEventException} naming the problem, the limit when one was reached, and the line and
 * column.
 */
public final class IntakeJson {

  /**
   * Deepest nesting of objects and arrays (Segment events are a few levels deep; Jackson's default
   * is 1000).
   */
  public static final int MAX_NESTING_DEPTH = 100;

  /**
   * Longest number literal, in characters (Jackson's default is 1000; parsing long numbers costs
   * CPU).
   */
  public static final int MAX_NUMBER_LENGTH = 100;

  private static final Pattern CONSTRAINT_SOURCE =
      Pattern.compile(",? from `StreamReadConstraints\\.[^`]*`");

  private final ObjectMapper mapper;

  /**
   * A parser whose longest string is the longest event: no string of a valid event can be longer.
   */
  public IntakeJson(long maxEventBytes) {
    JsonFactory factory =
        JsonFactory.builder()
            .streamReadConstraints(
                StreamReadConstraints.builder()
                    .maxNestingDepth(MAX_NESTING_DEPTH)
                    .maxNumberLength(MAX_NUMBER_LENGTH)
                    .maxStringLength((int) Math.min(Integer.MAX_VALUE, maxEventBytes))
                    .build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    this.mapper = new ObjectMapper(factory).enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
  }

  /**
   * The JSON value of some bytes (UTF-8, or UTF-16/32 recognised by Jackson).
   *
   * @return the value; never null or missing
   * @throws InvalidEventException 400 when the bytes are empty, not JSON or beyond a limit
   */
  public JsonNode parse(byte[] json) {
    return parse(json, json.length);
  }

  /** The JSON value of the first {@code length} bytes; see {@link #parse(byte[])}. */
  public JsonNode parse(byte[] json, int length) {
    return parse(
        json, length, "", l -> " at line " + l.getLineNr() + ", column " + l.getColumnNr());
  }

  /**
   * The JSON value of one line of a JSON-lines file; messages start with {@code line N: } and give
   * the column.
   *
   * @throws InvalidEventException 400 when the line is not JSON or beyond a limit
   */
  public JsonNode parseLine(byte[] json, int length, long lineNumber) {
    return parse(json, length, "line " + lineNumber + ": ", l -> " at column " + l.getColumnNr());
  }

  private JsonNode parse(byte[] json, int length, String where, Function<JsonLocation, String> at) {
    try (JsonParser parser = mapper.createParser(json, 0, length)) {
      try {
        JsonNode node = mapper.readTree(parser);
        if (node == null || node.isMissingNode()) {
          throw new InvalidEventException(
              InvalidEventException.BAD_REQUEST,
              Reason.MALFORMED_JSON,
              where.isEmpty()
                  ? "The request body is empty: send a JSON object"
                  : where + "no JSON");
        }
        return node;
      } catch (StreamConstraintsException e) {
        // Jackson leaves the location of these out: the parser still knows where it stopped
        throw problem(
            Reason.JSON_LIMIT, where, "JSON beyond a limit", e, at.apply(parser.currentLocation()));
      } catch (JsonProcessingException e) {
        JsonLocation location =
            e.getLocation() != null ? e.getLocation() : parser.currentLocation();
        throw problem(
            Reason.MALFORMED_JSON,
            where,
            "malformed JSON",
            e,
            location == null ? "" : at.apply(location));
      }
    } catch (IOException e) {
      // byte arrays do not fail to read; closing them does not either
      throw new IllegalStateException("reading JSON from memory failed", e);
    }
  }

  /** The value as JSON text (for sizes). */
  public byte[] write(JsonNode node) {
    try {
      return mapper.writeValueAsBytes(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a parsed tree always serializes", e);
    }
  }

  private static InvalidEventException problem(
      Reason reason, String where, String what, JsonProcessingException e, String at) {
    String text =
        CONSTRAINT_SOURCE.matcher(JsonMessages.clean(e.getOriginalMessage())).replaceAll("");
    String kind =
        where.isEmpty() ? Character.toUpperCase(what.charAt(0)) + what.substring(1) : where + what;
    return new InvalidEventException(
        InvalidEventException.BAD_REQUEST, reason, kind + at + ": " + text);
  }
}
