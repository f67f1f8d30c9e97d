package io.github.sfactions.spring.intake;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The call types of Segment's spec, with the field each one requires besides userId or anonymousId.
 */
public enum EventType {
  IDENTIFY(null),
  TRACK("event"),
  PAGE(null),
  SCREEN(null),
  GROUP("groupId"),
  ALIAS("previousId");

  private final String requiredField;

  EventType(String requiredField) {
    this.requiredField = requiredField;
  }

  /** The name as it appears in {@code type} and in the endpoint path, e.g. {@code track}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The field this type requires (e.g. {@code event} for track), if any. */
  public Optional<String> requiredField() {
    return Optional.ofNullable(requiredField);
  }

  /** The type of a wire name, case-sensitive as Segment's. */
  public static Optional<EventType> fromWireName(String name) {
    return Arrays.stream(values()).filter(t -> t.wireName().equals(name)).findFirst();
  }

  /** The wire names, comma-separated, for messages. */
  public static String wireNames() {
    return Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", "));
  }
}
