package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class BulkQueryJobTest {
  @RegisterExtension
  static EmulatorExtension emulator =
      new EmulatorExtension(
          () -> SalesforceEmulator.builder().bulk(new EmulatorConfig.Bulk(null, 50L, null)));

  private static final String JOBS = SfHttp.V + "/jobs/query";

  private static JsonNode awaitComplete(SfHttp http, String id) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 10_000;
    while (true) {
      JsonNode j = http.get(JOBS + "/" + id).json();
      if (j.get("state").asText().equals("JobComplete") || System.currentTimeMillis() > deadline) {
        return j;
      }
      Thread.sleep(20);
    }
  }

  @Test
  void aQueryJobGoesThroughItsStatesAndPagesResultsWithLocators(SalesforceEmulator sf)
      throws Exception {
    for (int i = 0; i < 5; i++) {
      sf.createRecord("Account", Map.of("Name", "Acme \"" + i + "\", Inc", "Industry", "Tech"));
    }
    SfHttp http = new SfHttp(sf).login();
    JsonNode created =
        http.post(
                JOBS,
                map("operation", "query", "query", "SELECT Id, Name FROM Account ORDER BY Name"))
            .json();
    String id = created.get("id").asText();
    assertThat(id).startsWith("750");
    assertThat(created.get("state").asText()).isEqualTo("UploadComplete");
    assertThat(created.get("object").asText()).isEqualTo("Account");
    assertThat(created.get("contentType").asText()).isEqualTo("CSV");
    SfHttp.Res early = http.get(JOBS + "/" + id + "/results");
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.errorCode()).isEqualTo("INVALIDJOBSTATE");

    JsonNode done = awaitComplete(http, id);
    assertThat(done.get("state").asText()).isEqualTo("JobComplete");
    assertThat(done.get("numberRecordsProcessed").asInt()).isEqualTo(5);

    SfHttp.Res page1 = http.get(JOBS + "/" + id + "/results?maxRecords=2");
    assertThat(page1.status()).isEqualTo(200);
    assertThat(page1.header("Content-Type")).startsWith("text/csv");
    assertThat(page1.header("Sforce-NumberOfRecords")).isEqualTo("2");
    String locator = page1.header("Sforce-Locator");
    assertThat(locator).isNotEqualTo("null");
    String[] lines = page1.text().split("\n");
    assertThat(lines[0]).isEqualTo("\"Id\",\"Name\"");
    assertThat(lines[1]).endsWith(",\"Acme \"\"0\"\", Inc\"");
    List<String> all = new ArrayList<>(List.of(lines).subList(1, lines.length));
    while (!locator.equals("null")) {
      SfHttp.Res next = http.get(JOBS + "/" + id + "/results?maxRecords=2&locator=" + locator);
      String[] l = next.text().split("\n");
      assertThat(l[0]).isEqualTo("\"Id\",\"Name\"");
      all.addAll(List.of(l).subList(1, l.length));
      locator = next.header("Sforce-Locator");
    }
    assertThat(all).hasSize(5);
    assertThat(http.get(JOBS + "/" + id + "/results?locator=zzzz").errorCode())
        .isEqualTo("INVALID_LOCATOR");
    assertThat(http.get(JOBS + "/" + id + "/results?maxRecords=0").status()).isEqualTo(400);

    assertThat(http.get(JOBS).json().get("records"))
        .extracting(n -> n.get("id").asText())
        .contains(id);
    assertThat(http.delete(JOBS + "/" + id).status()).isEqualTo(204);
    assertThat(http.get(JOBS + "/" + id).status()).isEqualTo(404);
  }

  @Test
  void queryAllIncludesDeletedRecordsAndQueryDoesNot(SalesforceEmulator sf) throws Exception {
    SfHttp http = new SfHttp(sf).login();
    String gone = sf.createRecord("Lead", Map.of("LastName", "Gone", "Company", "X"));
    sf.createRecord("Lead", Map.of("LastName", "Kept", "Company", "X"));
    http.delete(SfHttp.V + "/sobjects/Lead/" + gone);
    String q =
        http.post(
                JOBS,
                map(
                    "operation",
                    "query",
                    "query",
                    "SELECT Id, LastName FROM Lead",
                    "columnDelimiter",
                    "PIPE",
                    "lineEnding",
                    "CRLF"))
            .json()
            .get("id")
            .asText();
    String qa =
        http.post(
                JOBS,
                map("operation", "queryAll", "query", "SELECT Id, LastName, IsDeleted FROM Lead"))
            .json()
            .get("id")
            .asText();
    awaitComplete(http, q);
    awaitComplete(http, qa);
    String queryCsv = http.get(JOBS + "/" + q + "/results").text();
    assertThat(queryCsv)
        .startsWith("\"Id\"|\"LastName\"\r\n")
        .contains("\"Kept\"")
        .doesNotContain("Gone");
    assertThat(http.get(JOBS + "/" + qa + "/results").text())
        .contains("\"Gone\",\"true\"")
        .contains("\"Kept\"");
  }

  @Test
  void badJobsAreRefusedAndRunningJobsCanBeAbortedButNotDeleted(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res badOp = http.post(JOBS, map("operation", "insert", "query", "SELECT Id FROM Lead"));
    assertThat(badOp.status()).isEqualTo(400);
    assertThat(badOp.errorCode()).isEqualTo("INVALIDJOB");
    SfHttp.Res badSoql =
        http.post(JOBS, map("operation", "query", "query", "SELECT Nope FROM Lead"));
    assertThat(badSoql.status()).isEqualTo(400);
    assertThat(badSoql.errorCode()).isEqualTo("INVALID_FIELD");
    assertThat(
            http.post(
                    JOBS,
                    map(
                        "operation",
                        "query",
                        "query",
                        "SELECT Id FROM Lead",
                        "columnDelimiter",
                        "SPACE"))
                .errorCode())
        .isEqualTo("INVALIDJOB");

    try (SalesforceEmulator slow =
        SalesforceEmulator.builder().bulk(new EmulatorConfig.Bulk(null, 60_000L, null)).start()) {
      abortThenDelete(new SfHttp(slow).login());
    }
  }

  private static void abortThenDelete(SfHttp http) {
    String id =
        http.post(JOBS, map("operation", "query", "query", "SELECT Id FROM Lead"))
            .json()
            .get("id")
            .asText();
    SfHttp.Res deleteRunning = http.delete(JOBS + "/" + id);
    assertThat(deleteRunning.status()).isEqualTo(409);
    JsonNode aborted = http.patch(JOBS + "/" + id, map("state", "Aborted")).json();
    assertThat(aborted.get("state").asText()).isEqualTo("Aborted");
    assertThat(http.get(JOBS + "/" + id + "/results").errorCode()).isEqualTo("INVALIDJOBSTATE");
    assertThat(http.patch(JOBS + "/" + id, map("state", "Aborted")).status()).isEqualTo(409);
    assertThat(http.delete(JOBS + "/" + id).status()).isEqualTo(204);
    assertThat(http.patch(JOBS + "/nope", map("state", "Aborted")).status()).isEqualTo(404);
  }

  @Test
  void aHundredThousandRowQueryJobCompletesAndPagesQuickly(SalesforceEmulator sf) throws Exception {
    for (int i = 0; i < 100_000; i++) {
      sf.createRecord("Account", Map.of("Name", "A" + i));
    }
    SfHttp http = new SfHttp(sf).login();
    long t0 = System.nanoTime();
    String id =
        http.post(JOBS, map("operation", "query", "query", "SELECT Id, Name FROM Account"))
            .json()
            .get("id")
            .asText();
    awaitComplete(http, id);
    int rows = 0;
    String locator = "";
    do {
      SfHttp.Res r =
          http.get(JOBS + "/" + id + "/results" + (locator.isEmpty() ? "" : "?locator=" + locator));
      rows += Integer.parseInt(r.header("Sforce-NumberOfRecords"));
      locator = r.header("Sforce-Locator");
    } while (!locator.equals("null"));
    long millis = (System.nanoTime() - t0) / 1_000_000;
    assertThat(rows).isEqualTo(100_000);
    assertThat(millis).as("create, complete and read 100,000 rows").isLessThan(10_000);
  }
}
