package io.github.sfactions.bpmn.bulk.impl;

import java.util.Locale;

/**
 * What micro-batch records must share to be sent in one flush: the connection and the object. Any
 * mix of operations travels together, in queue order, so that writes of one record keep their order
 * whatever their operations.
 *
 * @param connection connection name
 * @param sobject object API name
 */
record MicroGroupKey(String connection, String sobject) {

  /** The 64-character key stored in the queue rows (object name without case). */
  String hash() {
    return GroupKey.digest("microBatch\n" + connection + '\n' + sobject.toLowerCase(Locale.ROOT));
  }
}
