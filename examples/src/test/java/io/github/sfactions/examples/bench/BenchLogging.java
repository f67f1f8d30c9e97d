package io.github.sfactions.examples.bench;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/** Logging of the benchmark JVMs: warnings and errors only (the engine logs at DEBUG otherwise). */
final class BenchLogging {

  private BenchLogging() {}

  static void quiet() {
    ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).setLevel(Level.WARN);
  }
}
