package io.github.sfactions.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BulkIngestApiLargeJobTest {

  private static final int ROWS = 100_000;

  private IndexedRecordStore store;
  private BulkIngestApi api;
  private BulkTestClient client;

  @BeforeEach
  void start() {
    store = new IndexedRecordStore();
    api = new BulkIngestApi(store, BulkSettings.builder().stateDwell(Duration.ZERO).build());
    client = new BulkTestClient(api);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void hundredThousandRowUpsertCompletesWithPerRowFailuresAndTenInternalBatches() {
    String id = client.create(LargeJobFixture.UPSERT_ACCOUNTS);
    assertThat(client.upload(id, LargeJobFixture.upsertCsv(ROWS)).status()).isEqualTo(201);
    client.patchState(id, "UploadComplete");

    JsonNode job =
        client.awaitState(id, Set.of("JobComplete", "Failed", "Aborted"), Duration.ofSeconds(60));

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(ROWS);
    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(ROWS / 1000);
    assertThat(store.size()).isEqualTo(ROWS - ROWS / 1000);
    assertThat(api.jobs().get(0).internalBatches()).isEqualTo(10);
    assertThat(client.results(id, "successfulResults").lines().count())
        .isEqualTo(ROWS - ROWS / 1000 + 1);
    assertThat(client.results(id, "failedResults").lines().count()).isEqualTo(ROWS / 1000 + 1);
  }
}
