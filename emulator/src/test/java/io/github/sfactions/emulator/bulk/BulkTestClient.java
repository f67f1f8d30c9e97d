package io.github.sfactions.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Drives {@link BulkIngestApi#handle} the way a Bulk 2.0 client would, for tests. */
final class BulkTestClient {

  static final String VERSION = "62.0";
  static final String JSON = "application/json";
  static final String CSV = "text/csv";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final BulkIngestApi api;

  BulkTestClient(BulkIngestApi api) {
    this.api = api;
  }

  BulkResponse call(String method, String subPath, String contentType, String body) {
    return api.handle(
        method,
        VERSION,
        subPath,
        Map.of(),
        contentType,
        body == null ? null : new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
  }

  BulkResponse createResponse(String definitionJson) {
    return call("POST", "", JSON, definitionJson);
  }

  /** Creates a job and returns its id. */
  String create(String definitionJson) {
    BulkResponse response = createResponse(definitionJson);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return json(response).get("id").asText();
  }

  BulkResponse upload(String jobId, String csv) {
    return call("PUT", "/" + jobId + "/batches", CSV, csv);
  }

  BulkResponse patchState(String jobId, String state) {
    return call("PATCH", "/" + jobId, JSON, "{\"state\":\"" + state + "\"}");
  }

  JsonNode info(String jobId) {
    BulkResponse response = call("GET", "/" + jobId, null, null);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    return json(response);
  }

  /** Creates, uploads, closes and waits for a terminal state; returns the final job info. */
  JsonNode runJob(String definitionJson, String csv) {
    String id = create(definitionJson);
    assertThat(upload(id, csv).status()).isEqualTo(201);
    assertThat(patchState(id, "UploadComplete").status()).isEqualTo(200);
    return awaitState(id, Set.of("JobComplete", "Failed", "Aborted"), Duration.ofSeconds(30));
  }

  /** Polls job info until its state is one of {@code states}; fails after {@code timeout}. */
  JsonNode awaitState(String jobId, Set<String> states, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode info = info(jobId);
      if (states.contains(info.get("state").asText())) {
        return info;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "job " + jobId + " did not reach " + states + " within " + timeout + ": " + info);
      }
      pause();
    }
  }

  /** Polls until at least {@code records} rows were processed; fails after {@code timeout}. */
  JsonNode awaitProcessed(String jobId, long records, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      JsonNode info = info(jobId);
      if (info.get("numberRecordsProcessed").asLong() >= records) {
        return info;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "job " + jobId + " did not process " + records + " rows within " + timeout);
      }
      pause();
    }
  }

  String results(String jobId, String kind) {
    BulkResponse response = call("GET", "/" + jobId + "/" + kind, null, null);
    assertThat(response.status()).as(response.bodyText()).isEqualTo(200);
    assertThat(response.contentType()).isEqualTo("text/csv");
    return response.bodyText();
  }

  static JsonNode json(BulkResponse response) {
    try {
      return MAPPER.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The single error of an error-array response. */
  static JsonNode error(BulkResponse response) {
    JsonNode body = json(response);
    assertThat(body.isArray()).as(response.bodyText()).isTrue();
    assertThat(body).hasSize(1);
    return body.get(0);
  }

  private static void pause() {
    try {
      Thread.sleep(5);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted while polling", e);
    }
  }
}
