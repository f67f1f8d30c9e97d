package io.github.sfactions.bpmn.bulk;

import io.github.sfactions.bpmn.bulk.impl.BackfillLoader;
import io.github.sfactions.bpmn.bulk.impl.BackfillStore;
import io.github.sfactions.bpmn.bulk.impl.BulkIngestRuntime;
import io.github.sfactions.bpmn.bulk.impl.JsonLinesRecords;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;

/**
 * Back-fills records into Salesforce through the Bulk API without a process instance per record:
 * the records go straight into the durable bulk queue of an engine with {@link BulkIngestPlugin},
 * for one object and operation ({@link BackfillTarget}), and the bulk ingest process sends them in
 * full Bulk API jobs beside (and mixed with) the records processes queue. Outcomes are counted on
 * the back-fill ({@link #summary}), and the records Salesforce rejected are kept with their error
 * ({@link #failedRecords}) to be fixed and loaded again.
 *
 * <pre>{@code
 * BulkBackfill backfill = BulkBackfill.of(processEngine);
 * BackfillResult loaded = backfill.load(
 *     new BackfillTarget("leads-2024.jsonl", "default", "Lead", BulkOperation.UPSERT, "Ext__c"),
 *     Files.newInputStream(Path.of("leads-2024.jsonl")));      // one JSON object per line
 * // later: backfill.summary(loaded.backfillId()) -> created, updated, failed, pending
 * backfill.failedRecords(loaded.backfillId(), r -> System.out.println(r.line() + " " + r.error()));
 * }</pre>
 *
 * Loading is streamed (one line and one chunk of {@code 1000} records in memory) and committed a
 * chunk at a time; full batches start their bulk runs while loading goes on. Thread-safe.
 */
public final class BulkBackfill {

  /** At most this many refused lines are listed in a {@link BackfillResult} (all are counted). */
  public static final int MAX_REJECTED_LISTED = 20;

  private final String engineName;
  private final DataSource dataSource;
  private final BackfillStore store = new BackfillStore();

  private BulkBackfill(String engineName, DataSource dataSource) {
    this.engineName = engineName;
    this.dataSource = dataSource;
  }

  /**
   * The back-fills of this engine.
   *
   * @throws IllegalStateException when the engine has no {@link BulkIngestPlugin}
   */
  public static BulkBackfill of(ProcessEngine engine) {
    BulkBackfill backfill =
        new BulkBackfill(
            engine.getName(),
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
                .getDataSource());
    backfill.runtime();
    return backfill;
  }

  /**
   * Loads a JSON-lines stream: one flat JSON object per line, field API name to text, number,
   * boolean or null (for upsert the external id field, for update {@code Id}, in every record). A
   * line that is not such a record is skipped and reported.
   *
   * @throws BackfillLoadException when the stream cannot be read or the database fails part-way (it
   *     names the back-fill; chunks already loaded stay)
   */
  public BackfillResult load(BackfillTarget target, InputStream jsonLines) {
    return loader().load(target, new JsonLinesRecords(jsonLines));
  }

  /**
   * Loads a JSON-lines stream as {@link #load(BackfillTarget, InputStream)} does, keeping at most
   * {@code maxLineBytes} of a line in memory: a longer line is read past and refused (listed with
   * its line number), so a stream from an untrusted sender cannot exhaust memory.
   *
   * @throws BackfillLoadException when the stream cannot be read or the database fails part-way
   */
  public BackfillResult load(BackfillTarget target, InputStream jsonLines, int maxLineBytes) {
    return loader().load(target, new JsonLinesRecords(jsonLines, maxLineBytes));
  }

  /** Loads records given as maps (field API name to value). */
  public BackfillResult load(BackfillTarget target, Iterator<? extends Map<String, ?>> records) {
    return loader()
        .load(
            target,
            new BackfillLoader.Records() {
              private long number;
              private Map<String, ?> current;

              @Override
              public boolean next() {
                current = records.hasNext() ? records.next() : null;
                number++;
                return current != null;
              }

              @Override
              public long number() {
                return number;
              }

              @Override
              public Map<String, Object> record() {
                return new LinkedHashMap<>(current);
              }
            });
  }

  /** Where the back-fill stands, if it exists. */
  public Optional<BackfillSummary> summary(String backfillId) {
    return withConnection(c -> store.summary(c, backfillId));
  }

  /** Hands each record Salesforce rejected to {@code each}, in line order. */
  public void failedRecords(String backfillId, Consumer<FailedBackfillRecord> each) {
    withConnection(
        c -> {
          store.failed(c, backfillId, each);
          return null;
        });
  }

  private BackfillLoader loader() {
    return new BackfillLoader(runtime(), dataSource, MAX_REJECTED_LISTED);
  }

  private BulkIngestRuntime runtime() {
    return BulkIngestRuntime.ofEngine(engineName)
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "Process engine "
                        + engineName
                        + " has no io.github.sfactions.bpmn.bulk.BulkIngestPlugin"));
  }

  private <T> T withConnection(Function<Connection, T> work) {
    try (Connection c = dataSource.getConnection()) {
      return work.apply(c);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the back-fill: " + e.getMessage(), e);
    }
  }
}
