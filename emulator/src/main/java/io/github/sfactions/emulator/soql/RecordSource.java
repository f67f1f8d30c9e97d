package io.github.sfactions.emulator.soql;

import java.util.Collection;
import java.util.Map;

/**
 * The records of the org's objects, for queries that read more than their FROM object (semi-joins).
 */
@FunctionalInterface
public interface RecordSource {

  /**
   * @param canonicalObject an object name as returned by {@link
   *     SoqlSchema#canonicalObjectName(String)}
   * @return the object's current (not deleted) records
   */
  Collection<Map<String, Object>> records(String canonicalObject);
}
