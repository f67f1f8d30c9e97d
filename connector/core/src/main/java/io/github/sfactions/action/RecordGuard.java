package io.github.sfactions.action;

import java.util.Map;
import java.util.Set;

/**
 * Keeps concurrent actions for one record apart: an action that looks a record up by its matchers
 * {@linkplain #enter enters} the guard first, and no other action for the same matcher values runs
 * its lookup and write until this one is done. So twenty events for one new e-mail create one
 * record and update it nineteen times, and never answer {@code 300} for duplicates they made
 * themselves.
 *
 * <p>A guard may also order the writes: an event that arrived earlier than one already written for
 * the record must not overwrite what the later one wrote ({@link Turn#unwritten}).
 *
 * <p>A guard serves one Salesforce connection (records of two orgs never collide). Implementations
 * are thread-safe. {@link #NONE} guards nothing (plain Java use, tests).
 */
public interface RecordGuard {

  /** No serialisation, no ordering: every field is written. */
  RecordGuard NONE = (sobject, matchers, operator) -> Turn.FREE;

  /**
   * Waits until no other action for these matcher values is between its lookup and its write, and
   * keeps them waiting until this action's unit of work ends.
   *
   * @param sobject the object's API name
   * @param matchers the record matchers, field to value
   * @param operator {@code OR} or {@code AND} (null: the default)
   */
  Turn enter(String sobject, Map<String, ?> matchers, String operator);

  /** An action's turn on one record. */
  interface Turn {

    /** A turn that neither orders nor records anything. */
    Turn FREE =
        new Turn() {
          @Override
          public Map<String, Object> unwritten(Map<String, Object> fields) {
            return fields;
          }

          @Override
          public void wrote(Set<String> fields) {
            // nothing to remember
          }
        };

    /**
     * The fields this action may still write to the existing record: those no later-arrived event
     * has written already. With events written in arrival order this is every field.
     */
    Map<String, Object> unwritten(Map<String, Object> fields);

    /** Remembers that this action wrote these fields (for the events that arrived before it). */
    void wrote(Set<String> fields);
  }
}
