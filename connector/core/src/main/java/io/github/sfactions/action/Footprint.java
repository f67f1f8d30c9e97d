package io.github.sfactions.action;

import io.github.sfactions.client.JsNumbers;
import java.util.Collections;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * What one prepared action reads and writes, as far as the order of a group depends on it: the
 * {@code field = value} terms it looks records up by, and those its write sets. Two actions whose
 * terms meet may see each other's effect, so a group runs them in separate passes.
 *
 * <p>Terms compare as SOQL's {@code =} would, approximately and never more strictly: field names
 * and text without case, numbers as JavaScript writes them, Ids by their 15-character form. An
 * approximation that finds too many conflicts only costs a pass; one that found too few would let
 * two actions race.
 */
record Footprint(
    String sobject, Set<String> matched, Set<String> written, Set<String> matchedFields) {

  private static final String ID = "id";

  static Footprint of(PreparedAction action) {
    Map<String, Object> matchers = action.matchers();
    if (action.kind() == PreparedAction.Kind.NATIVE_UPSERT) {
      // a native upsert finds its record by the external id, whatever the matchers say
      matchers = Map.of(action.externalIdField(), action.externalIdValue());
    } else if (action.kind() == PreparedAction.Kind.CREATE) {
      matchers = Map.of();
    }
    Set<String> fields = new HashSet<>();
    matchers.keySet().forEach(f -> fields.add(f.toLowerCase(Locale.ROOT)));
    return new Footprint(
        action.sobject().toLowerCase(Locale.ROOT), terms(matchers), terms(action.body()), fields);
  }

  /** True when this action's lookup could find something else after {@code earlier} wrote. */
  boolean lookupMeets(Footprint earlier) {
    return !Collections.disjoint(matched, earlier.matched)
        || !Collections.disjoint(matched, earlier.written);
  }

  /** True when this action's write could change what {@code earlier}'s lookup finds. */
  boolean writeMeets(Footprint earlier) {
    return !Collections.disjoint(written, earlier.matched);
  }

  /** True when this action's write sets a field {@code later} looks records up by. */
  boolean setsAFieldOf(Footprint later) {
    for (String term : written) {
      if (later.matchedFields.contains(term.substring(0, term.indexOf('=')))) {
        return true;
      }
    }
    return false;
  }

  private static Set<String> terms(Map<String, ?> values) {
    Set<String> terms = new HashSet<>();
    values.forEach((field, value) -> terms.add(term(field, value)));
    return terms;
  }

  private static String term(String field, Object value) {
    String name = field.toLowerCase(Locale.ROOT);
    String text;
    if (value == null) {
      text = "";
    } else if (value instanceof Number n && JsNumbers.isFinite(n)) {
      text = JsNumbers.format(n);
    } else if (name.equals(ID)) {
      text = RecordIds.caseSensitive(value.toString());
    } else {
      text = value.toString().toLowerCase(Locale.ROOT);
    }
    return name + "=" + text;
  }
}
