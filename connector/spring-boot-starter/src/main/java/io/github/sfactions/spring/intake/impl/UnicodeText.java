package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Finds text in an event that is not valid Unicode: a JSON escape such as {@code "\ud800"} decodes
 * to half of a surrogate pair, which no UTF-8 encoder can write (it would reach the database and
 * Salesforce as {@code ?}). It is the escaped form of invalid UTF-8, which the parser already
 * refuses.
 */
final class UnicodeText {

  private UnicodeText() {}

  /**
   * Where the first text value holding an unpaired surrogate is (its path, e.g. {@code
   * traits.last_name}, {@code properties.items[2]}), or the first such field name (e.g. {@code a
   * field name in traits}), if any.
   */
  static Optional<String> firstUnpairedSurrogate(JsonNode node) {
    return find(node, "");
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node.isTextual()) {
      return valid(node.textValue()) ? Optional.empty() : Optional.of(path);
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = find(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        String fieldPath = path.isEmpty() ? field.getKey() : path + "." + field.getKey();
        if (!valid(field.getKey())) {
          // never echo the broken name: an answer holding it could not be written either
          return Optional.of(path.isEmpty() ? "a field name" : "a field name in " + path);
        }
        Optional<String> found = find(field.getValue(), fieldPath);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  /** Whether every surrogate in the text belongs to a high-low pair. */
  static boolean valid(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (Character.isHighSurrogate(c)) {
        if (i + 1 == text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }
}
