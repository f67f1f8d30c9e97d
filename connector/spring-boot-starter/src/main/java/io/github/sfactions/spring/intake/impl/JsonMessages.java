package io.github.sfactions.spring.intake.impl;

import java.util.regex.Pattern;

/**
 * Jackson's parse messages without the parser internals (source descriptions, start-marker
 * references).
 */
public final class JsonMessages {

  private static final Pattern INTERNALS =
      Pattern.compile("\\s*\\((?:start marker at )?\\[Source:.*$", Pattern.DOTALL);

  private JsonMessages() {}

  /** The message up to where Jackson starts describing its input source. */
  public static String clean(String message) {
    return message == null ? "unreadable JSON" : INTERNALS.matcher(message).replaceFirst("");
  }
}
