package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BulkHttpTest {
  @RegisterExtension
  static EmulatorExtension emulator =
      new EmulatorExtension(
          () ->
              TestOrgs.withCustomObjects()
                  .config(
                      TestOrgs.withCustomObjects()
                          .effectiveConfig()
                          .withBulk(new EmulatorConfig.Bulk(null, 20L, null))));

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  private String createJob(Map<String, Object> spec) {
    SfHttp.Res r = http.post(V + "/jobs/ingest", spec);
    assertThat(r.status()).as(r.text()).isEqualTo(200);
    assertThat(r.json().get("state").asText()).isEqualTo("Open");
    return r.json().get("id").asText();
  }

  private SfHttp.Res upload(String jobId, String csv) {
    return http.send(
        http.authed(V + "/jobs/ingest/" + jobId + "/batches")
            .header("Content-Type", "text/csv")
            .PUT(HttpRequest.BodyPublishers.ofString(csv)));
  }

  private JsonNode closeAndWait(String jobId) {
    SfHttp.Res close = http.patch(V + "/jobs/ingest/" + jobId, map("state", "UploadComplete"));
    assertThat(close.status()).as(close.text()).isEqualTo(200);
    long deadline = System.currentTimeMillis() + 20_000;
    JsonNode info;
    do {
      info = http.get(V + "/jobs/ingest/" + jobId).json();
    } while (!List.of("JobComplete", "Failed", "Aborted").contains(info.get("state").asText())
        && System.currentTimeMillis() < deadline);
    return info;
  }

  @Test
  void fullUpsertJobWritesThroughRestValidation() {
    String existing =
        emulator
            .get()
            .createRecord(
                "Lead", map("LastName", "Old", "Company", "Acme", "Ext__c", "L-1", "Phone", "555"));
    String jobId =
        createJob(
            map(
                "object",
                "lead",
                "operation",
                "upsert",
                "externalIdFieldName",
                "Ext__c",
                "contentType",
                "CSV",
                "lineEnding",
                "LF"));
    assertThat(jobId).startsWith("750").hasSize(18);
    assertThat(
            upload(
                    jobId,
                    "EXT__C,lastname,Company,Phone\nL-1,New,,#N/A\nL-2,Two,Beta,\nL-3,,Gamma,\n")
                .status())
        .isEqualTo(201);
    JsonNode info = closeAndWait(jobId);
    assertThat(info.get("state").asText()).isEqualTo("JobComplete");
    assertThat(info.get("numberRecordsProcessed").asInt()).isEqualTo(3);
    assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(1);

    Map<String, Object> updated = emulator.get().record("Lead", existing).orElseThrow();
    assertThat(updated.get("LastName")).isEqualTo("New");
    assertThat(updated.get("Company")).isEqualTo("Acme");
    assertThat(updated.get("Phone")).isNull();
    assertThat(emulator.get().records("Lead")).hasSize(2);

    String ok = http.get(V + "/jobs/ingest/" + jobId + "/successfulResults").text();
    assertThat(ok).startsWith("\"sf__Id\",\"sf__Created\"");
    assertThat(ok).contains(existing).contains("\"false\"").contains("\"true\"");
    String failed = http.get(V + "/jobs/ingest/" + jobId + "/failedResults").text();
    assertThat(failed)
        .contains("REQUIRED_FIELD_MISSING:Required fields are missing: [LastName]:LastName --");
    assertThat(emulator.get().stats().byEndpoint()).containsKey("jobs/ingest");
    assertThat(emulator.get().stats().byObject().get("Lead")).isGreaterThanOrEqualTo(5L);
  }

  @Test
  void injectedRowFaultsFailSingleRowsOfAJob() {
    emulator.get().faults().failNextRows("UNABLE_TO_LOCK_ROW", 2, "Case");
    String jobId = createJob(map("object", "Case", "operation", "insert"));
    upload(jobId, "Subject\na\nb\nc\n");
    JsonNode info = closeAndWait(jobId);
    assertThat(info.get("numberRecordsFailed").asInt()).isEqualTo(2);
    assertThat(emulator.get().records("Case")).hasSize(1);
    assertThat(http.get(V + "/jobs/ingest/" + jobId + "/failedResults").text())
        .contains(
            "UNABLE_TO_LOCK_ROW:unable to obtain exclusive access to this record or 1 records:--");
  }

  @Test
  void unknownCsvColumnFailsTheJob() {
    String jobId = createJob(map("object", "Case", "operation", "insert"));
    upload(jobId, "Subject,Bogus__c\nx,y\n");
    JsonNode info = closeAndWait(jobId);
    assertThat(info.get("state").asText()).isEqualTo("Failed");
    assertThat(info.get("errorMessage").asText()).contains("Bogus__c");
    assertThat(emulator.get().records("Case")).isEmpty();
  }

  @Test
  void brokenCsvFailsTheJobWithoutWriting() {
    String jobId = createJob(map("object", "Case", "operation", "insert"));
    assertThat(upload(jobId, "Subject,Origin\n\"unterminated,Web\n").status()).isEqualTo(201);
    JsonNode info = closeAndWait(jobId);
    assertThat(info.get("state").asText()).isEqualTo("Failed");
    assertThat(info.get("errorMessage").asText()).startsWith("InvalidBatch : Malformed CSV");
    assertThat(emulator.get().records("Case")).isEmpty();
  }

  @Test
  void uploadToClosedJobIsRefused() {
    String jobId = createJob(map("object", "Case", "operation", "insert"));
    upload(jobId, "Subject\nx\n");
    closeAndWait(jobId);
    SfHttp.Res again = upload(jobId, "Subject\ny\n");
    assertThat(again.status()).isBetween(400, 499);
    assertThat(again.json().get(0).get("errorCode").asText()).isNotBlank();
    assertThat(emulator.get().records("Case")).hasSize(1);
  }

  @Test
  void unknownJobIs404AndBulkNeedsASession() {
    assertThat(http.get(V + "/jobs/ingest/750Dn0000000099AAA").status()).isEqualTo(404);
    SfHttp anonymous = new SfHttp(emulator.get());
    assertThat(anonymous.get(V + "/jobs/ingest").status()).isEqualTo(401);
  }

  @Test
  void resetForgetsJobs() {
    String jobId = createJob(map("object", "Case", "operation", "insert"));
    emulator.get().reset();
    assertThat(http.get(V + "/jobs/ingest/" + jobId).status()).isEqualTo(404);
  }
}
