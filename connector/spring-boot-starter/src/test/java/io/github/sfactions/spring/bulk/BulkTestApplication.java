package io.github.sfactions.spring.bulk;

import io.github.sfactions.bpmn.bulk.BulkIngestPlugin;
import io.github.sfactions.camunda.BulkQueue;
import io.github.sfactions.camunda.BulkQueues;
import java.util.Optional;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * An application of auto-configuration only (no component scan) whose auto-configured bulk queue
 * leaves the JVM-wide registry with the context, giving it back to the engine that had it before:
 * call {@link #rememberTheBulkQueue()} before the context starts ({@code @BeforeAll}).
 */
@SpringBootConfiguration
@EnableAutoConfiguration
public class BulkTestApplication {

  private static Optional<BulkQueue> previousQueue = Optional.empty();

  /** Notes the queue registered now, to be restored when the context closes. */
  public static void rememberTheBulkQueue() {
    previousQueue = BulkQueues.current();
  }

  @Bean(destroyMethod = "run")
  Runnable restoreBulkQueue(BulkIngestPlugin plugin) {
    return () -> {
      plugin.unregister();
      previousQueue.ifPresent(BulkQueues::register);
    };
  }
}
