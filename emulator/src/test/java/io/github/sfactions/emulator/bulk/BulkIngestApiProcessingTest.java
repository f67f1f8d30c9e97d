package io.github.sfactions.emulator.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

class BulkIngestApiProcessingTest {

  private static final String INSERT = "{\"object\":\"Account\",\"operation\":\"insert\"}";
  private static final String UPDATE = "{\"object\":\"Account\",\"operation\":\"update\"}";
  private static final String UPSERT =
      "{\"object\":\"Account\",\"operation\":\"upsert\",\"externalIdFieldName\":\"Ext__c\"}";
  private static final String DELETE = "{\"object\":\"Account\",\"operation\":\"delete\"}";
  private static final String HARD_DELETE = "{\"object\":\"Account\",\"operation\":\"hardDelete\"}";
  private static final Set<String> TERMINAL = Set.of("JobComplete", "Failed", "Aborted");
  private static final Duration WAIT = Duration.ofSeconds(20);

  private InMemoryRecordStore store;
  private BulkIngestApi api;
  private BulkTestClient client;

  @BeforeEach
  void start() {
    store = new InMemoryRecordStore();
    api = new BulkIngestApi(store, BulkSettings.builder().stateDwell(Duration.ZERO).build());
    client = new BulkTestClient(api);
  }

  @AfterEach
  void stop() {
    api.close();
  }

  @Test
  void insertCompletesAndSuccessfulResultsEchoTheUploadedRows() {
    JsonNode job = client.runJob(INSERT, "Name,Description\nAcme,First\nBeta,Second\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(2);
    assertThat(job.get("numberRecordsFailed").asInt()).isZero();
    assertThat(job.has("errorMessage")).isFalse();
    String id = job.get("id").asText();
    List<Map<String, Object>> accounts = store.records("Account");
    assertThat(accounts).extracting(r -> r.get("Name")).containsExactly("Acme", "Beta");
    assertThat(client.results(id, "successfulResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Created\",Name,Description\n"
                + "\""
                + accounts.get(0).get("Id")
                + "\",\"true\",\"Acme\",\"First\"\n"
                + "\""
                + accounts.get(1).get("Id")
                + "\",\"true\",\"Beta\",\"Second\"\n");
    assertThat(client.results(id, "failedResults"))
        .isEqualTo("\"sf__Id\",\"sf__Error\",Name,Description\n");
    assertThat(client.results(id, "unprocessedrecords")).isEqualTo("Name,Description\n");
  }

  @Test
  void rowsTheStoreRejectsBecomeFailedResultsWithSalesforceErrorFormat() {
    JsonNode job = client.runJob(INSERT, "Name,NumberOfEmployees\nAcme,10\n,5\nBeta,many\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(3);
    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(2);
    String id = job.get("id").asText();
    assertThat(client.results(id, "failedResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Error\",Name,NumberOfEmployees\n"
                + "\"\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",\"\",\"5\"\n"
                + "\"\",\"INVALID_TYPE_ON_FIELD_IN_RECORD:Employees: value not of required type: many:NumberOfEmployees --\","
                + "\"Beta\",\"many\"\n");
    assertThat(client.results(id, "successfulResults"))
        .hasLineCount(2)
        .contains("\"true\",\"Acme\",\"10\"");
  }

  @Test
  void updateReportsIdsOfSuccessfulAndFailedRows() {
    String existing = store.seed("Account", Map.of("Name", "Acme"));
    String missing = "001000000000777AAA";

    JsonNode job =
        client.runJob(UPDATE, "Id,Description\n" + existing + ",Updated\n" + missing + ",X\n");

    String id = job.get("id").asText();
    assertThat(client.results(id, "successfulResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Created\",Id,Description\n\""
                + existing
                + "\",\"false\",\""
                + existing
                + "\",\"Updated\"\n");
    assertThat(client.results(id, "failedResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Error\",Id,Description\n\""
                + missing
                + "\",\"INVALID_CROSS_REFERENCE_KEY:invalid cross reference id:--\",\""
                + missing
                + "\",\"X\"\n");
    assertThat(store.record("Account", existing).orElseThrow())
        .containsEntry("Description", "Updated");
  }

  @Test
  void updateRowWithoutIdFailsWithMissingArgument() {
    JsonNode job = client.runJob(UPDATE, "Id,Description\n,Updated\n#N/A,Other\n");

    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(2);
    assertThat(client.results(job.get("id").asText(), "failedResults"))
        .contains(
            "\"\",\"MISSING_ARGUMENT:Id not specified in an update call:--\",\"\",\"Updated\"");
  }

  @Test
  void emptyCellLeavesFieldUnchangedAndNotAvailableSetsItToNull() {
    String id =
        store.seed("Account", Map.of("Name", "Acme", "Description", "Keep", "Industry", "Tech"));

    JsonNode job = client.runJob(UPDATE, "Id,Description,Industry\n" + id + ",,#N/A\n");

    assertThat(job.get("numberRecordsFailed").asInt()).isZero();
    Map<String, Object> record = store.record("Account", id).orElseThrow();
    assertThat(record).containsEntry("Description", "Keep").containsEntry("Industry", null);
  }

  @Test
  void notAvailableOnRequiredFieldFailsTheRowWithItsId() {
    String id = store.seed("Account", Map.of("Name", "Acme"));

    JsonNode job = client.runJob(UPDATE, "Id,Name\n" + id + ",#N/A\n");

    assertThat(client.results(job.get("id").asText(), "failedResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Error\",Id,Name\n\""
                + id
                + "\",\"REQUIRED_FIELD_MISSING:Required fields are missing: [Name]:Name --\",\""
                + id
                + "\",\"#N/A\"\n");
  }

  @Test
  void upsertUpdatesMatchingRecordsAndInsertsTheRest() {
    String existing = store.seed("Account", Map.of("Name", "Old", "Ext__c", "E1"));

    JsonNode job = client.runJob(UPSERT, "EXT__C,name\nE1,Renamed\nE2,New\n");

    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(2);
    assertThat(store.record("Account", existing).orElseThrow()).containsEntry("Name", "Renamed");
    String inserted =
        store.records("Account").stream()
            .filter(r -> "E2".equals(r.get("Ext__c")))
            .map(r -> (String) r.get("Id"))
            .findFirst()
            .orElseThrow();
    assertThat(client.results(job.get("id").asText(), "successfulResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Created\",EXT__C,name\n"
                + "\""
                + existing
                + "\",\"false\",\"E1\",\"Renamed\"\n"
                + "\""
                + inserted
                + "\",\"true\",\"E2\",\"New\"\n");
  }

  @Test
  void upsertRowWithoutExternalIdFails() {
    JsonNode job = client.runJob(UPSERT, "Ext__c,Name\n,Nameless\n");

    assertThat(client.results(job.get("id").asText(), "failedResults"))
        .contains("\"\",\"MISSING_ARGUMENT:Ext__c not specified:--\",\"\",\"Nameless\"");
  }

  @Test
  void deleteRemovesRecordsAndReportsAlreadyDeletedOnes() {
    String live = store.seed("Account", Map.of("Name", "A"));
    String gone = "001000000000888AAA";

    JsonNode job = client.runJob(DELETE, "ID\n" + live + "\n" + gone + "\n");

    String id = job.get("id").asText();
    assertThat(store.record("Account", live)).isEmpty();
    assertThat(client.results(id, "successfulResults"))
        .isEqualTo("\"sf__Id\",\"sf__Created\",ID\n\"" + live + "\",\"false\",\"" + live + "\"\n");
    assertThat(client.results(id, "failedResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Error\",ID\n\""
                + gone
                + "\",\"ENTITY_IS_DELETED:entity is deleted:--\",\""
                + gone
                + "\"\n");
  }

  @Test
  void hardDeleteRemovesRecords() {
    String live = store.seed("Account", Map.of("Name", "A"));

    JsonNode job = client.runJob(HARD_DELETE, "Id\n" + live + "\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("operation").asText()).isEqualTo("hardDelete");
    assertThat(store.record("Account", live)).isEmpty();
  }

  static Stream<Arguments> headerProblems() {
    String insert = "{\"object\":\"Account\",\"operation\":\"insert\"}";
    return Stream.of(
        Arguments.of(
            insert, "Name,Foo__c\nAcme,x\n", "InvalidBatch : Field name not found : Foo__c"),
        Arguments.of(
            insert,
            "Name,Account.Ext__c\nAcme,x\n",
            "InvalidBatch : Field name not found : Account.Ext__c"),
        Arguments.of(insert, "Name,NAME\nAcme,x\n", "InvalidBatch : Duplicate field name : Name"),
        Arguments.of(
            UPDATE,
            "Name\nAcme\n",
            "InvalidBatch : Id column is required for the update operation"),
        Arguments.of(
            UPSERT,
            "Name\nAcme\n",
            "InvalidBatch : External ID column Ext__c is required for the upsert operation"),
        Arguments.of(
            DELETE,
            "Id,Name\n001000000000001AAA,x\n",
            "InvalidBatch : The 'delete' batch must contain only ids"),
        Arguments.of(
            HARD_DELETE,
            "Name\nx\n",
            "InvalidBatch : The 'hardDelete' batch must contain only ids"),
        Arguments.of(insert, "\n\n", "InvalidBatch : The CSV data contains no header row"));
  }

  @ParameterizedTest
  @MethodSource("headerProblems")
  void headerProblemsFailTheWholeJobWithNothingProcessed(
      String definition, String csv, String errorMessage) {
    JsonNode job = client.runJob(definition, csv);

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText()).isEqualTo(errorMessage);
    assertThat(job.get("numberRecordsProcessed").asInt()).isZero();
    assertThat(store.records("Account")).isEmpty();
    String id = job.get("id").asText();
    assertThat(client.results(id, "unprocessedrecords")).isEqualTo(csv);
    assertThat(client.results(id, "successfulResults"))
        .startsWith("\"sf__Id\",\"sf__Created\"")
        .hasLineCount(1);
  }

  @Test
  void headersAreMatchedCaseInsensitivelyAndEchoedAsUploaded() {
    JsonNode job = client.runJob(INSERT, "NAME,description\nAcme,D\n");

    assertThat(store.records("Account").get(0))
        .containsEntry("Name", "Acme")
        .containsEntry("Description", "D");
    assertThat(client.results(job.get("id").asText(), "successfulResults"))
        .startsWith("\"sf__Id\",\"sf__Created\",NAME,description\n");
  }

  @ParameterizedTest
  @CsvSource({"COMMA,','", "TAB,'\t'", "PIPE,'|'", "SEMICOLON,';'", "CARET,'^'", "BACKQUOTE,'`'"})
  void everyColumnDelimiterParsesAndWritesResults(String delimiterName, char delimiter) {
    String d = String.valueOf(delimiter);
    String definition =
        "{\"object\":\"Account\",\"operation\":\"insert\",\"columnDelimiter\":\""
            + delimiterName
            + "\"}";
    String csv = "Name" + d + "Description\nAcme" + d + "\"with" + d + "delimiter\"\n";

    JsonNode job = client.runJob(definition, csv);

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    Map<String, Object> record = store.records("Account").get(0);
    assertThat(record)
        .containsEntry("Name", "Acme")
        .containsEntry("Description", "with" + d + "delimiter");
    assertThat(client.results(job.get("id").asText(), "successfulResults"))
        .isEqualTo(
            "\"sf__Id\""
                + d
                + "\"sf__Created\""
                + d
                + "Name"
                + d
                + "Description\n"
                + "\""
                + record.get("Id")
                + "\""
                + d
                + "\"true\""
                + d
                + "\"Acme\""
                + d
                + "\"with"
                + d
                + "delimiter\"\n");
  }

  @Test
  void crlfJobAcceptsCrlfDataAndWritesCrlfResults() {
    String definition = "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"CRLF\"}";

    JsonNode job =
        client.runJob(definition, "Name,Description\r\nAcme,\"two\nlines\"\r\nBeta,x\r\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(store.records("Account"))
        .extracting(r -> r.get("Description"))
        .containsExactly("two\nlines", "x");
    String results = client.results(job.get("id").asText(), "successfulResults");
    assertThat(results)
        .startsWith("\"sf__Id\",\"sf__Created\",Name,Description\r\n")
        .endsWith("\"Beta\",\"x\"\r\n");
    assertThat(results).contains("\"Acme\",\"two\nlines\"\r\n");
  }

  @Test
  void crlfDataInLfJobFailsTheJob() {
    JsonNode job = client.runJob(INSERT, "Name\r\nAcme\r\n");

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText())
        .isEqualTo(
            "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is LF");
    assertThat(store.records("Account")).isEmpty();
  }

  @Test
  void lfDataInCrlfJobFailsTheJob() {
    String definition = "{\"object\":\"Account\",\"operation\":\"insert\",\"lineEnding\":\"CRLF\"}";

    JsonNode job = client.runJob(definition, "Name\r\nAcme\nBeta\r\n");

    assertThat(job.get("errorMessage").asText())
        .isEqualTo(
            "ClientInputError : LineEnding is invalid on user data. Current LineEnding setting is CRLF");
    assertThat(job.get("numberRecordsProcessed").asInt()).isZero();
  }

  @Test
  void quotedValuesKeepDelimitersQuotesAndLineBreaks() {
    String csv = "Name,Description\n\"Acme, Inc.\",\"He said \"\"hi\"\"\nline2\"\n";

    JsonNode job = client.runJob(INSERT, csv);

    Map<String, Object> record = store.records("Account").get(0);
    assertThat(record)
        .containsEntry("Name", "Acme, Inc.")
        .containsEntry("Description", "He said \"hi\"\nline2");
    assertThat(client.results(job.get("id").asText(), "successfulResults"))
        .endsWith("\"true\",\"Acme, Inc.\",\"He said \"\"hi\"\"\nline2\"\n");
  }

  @Test
  void rowWithWrongColumnCountFailsAloneAndResultStaysRectangular() {
    JsonNode job =
        client.runJob(INSERT, "Name,Description\nAcme,D\nBeta\nGamma,D,extra\nDelta,E\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(4);
    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(2);
    assertThat(store.records("Account"))
        .extracting(r -> r.get("Name"))
        .containsExactly("Acme", "Delta");
    assertThat(client.results(job.get("id").asText(), "failedResults"))
        .isEqualTo(
            "\"sf__Id\",\"sf__Error\",Name,Description\n"
                + "\"\",\"InvalidBatch:Wrong number of columns: expected 2 but found 1:--\",\"Beta\",\"\"\n"
                + "\"\",\"InvalidBatch:Wrong number of columns: expected 2 but found 3:--\",\"Gamma\",\"D\"\n");
  }

  @Test
  void unterminatedQuoteFailsTheJobBeforeAnyRowIsWritten() {
    JsonNode job = client.runJob(INSERT, "Name,Description\nAcme,ok\nBeta,\"never closed\n");

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText())
        .isEqualTo("InvalidBatch : Malformed CSV: Unterminated quoted value starting on line 3");
    assertThat(job.get("numberRecordsProcessed").asInt()).isZero();
    assertThat(store.records("Account")).isEmpty();
  }

  @Test
  void textAfterAClosingQuoteFailsTheJobBeforeAnyRowIsWritten() {
    JsonNode job = client.runJob(INSERT, "Name,Description\nAcme,ok\nBeta,\"quoted\"tail\n");

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText())
        .isEqualTo(
            "InvalidBatch : Malformed CSV: Invalid character after a closing quote on line 3");
    assertThat(store.records("Account")).isEmpty();
  }

  @Test
  void unterminatedQuoteInTheHeaderFailsTheJob() {
    JsonNode job = client.runJob(INSERT, "\"Name,Description\nAcme,ok\n");

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText())
        .isEqualTo("InvalidBatch : Malformed CSV: Unterminated quoted value starting on line 1");
  }

  @Test
  void storeExceptionFailsOnlyThatRowAsUnknownException() {
    JsonNode job =
        client.runJob(INSERT, "Name\nAcme\n" + InMemoryRecordStore.EXPLODING_NAME + "\nBeta\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsFailed").asInt()).isEqualTo(1);
    assertThat(store.records("Account")).hasSize(2);
    assertThat(client.results(job.get("id").asText(), "failedResults"))
        .contains(
            "\"\",\"UNKNOWN_EXCEPTION:An unexpected error occurred while writing this row"
                + " (IllegalStateException):--\",\"boom\"");
  }

  @Test
  void errorThrownByTheStoreFailsTheJobAndLeavesTheRestUnprocessed() {
    JsonNode job =
        client.runJob(INSERT, "Name\nAcme\n" + InMemoryRecordStore.FATAL_NAME + "\nBeta\n");

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText())
        .isEqualTo("Unknown : unexpected error while processing the job (AssertionError)");
    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(1);
    String id = job.get("id").asText();
    assertThat(client.results(id, "unprocessedrecords")).isEqualTo("Name\nfatal\nBeta\n");
    assertThat(client.results(id, "successfulResults").lines().count()).isEqualTo(2);
  }

  @Test
  void blankLinesAndByteOrderMarkAreIgnored() {
    JsonNode job = client.runJob(INSERT, "\uFEFFName\n\nAcme\n\nBeta\n");

    assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(2);
    assertThat(store.records("Account"))
        .extracting(r -> r.get("Name"))
        .containsExactly("Acme", "Beta");
  }

  @Test
  void headerOnlyUploadCompletesWithNoRecords() {
    JsonNode job = client.runJob(INSERT, "Name,Description\n");

    assertThat(job.get("state").asText()).isEqualTo("JobComplete");
    assertThat(job.get("numberRecordsProcessed").asInt()).isZero();
    assertThat(client.results(job.get("id").asText(), "successfulResults"))
        .isEqualTo("\"sf__Id\",\"sf__Created\",Name,Description\n");
  }

  @Test
  void closingWithoutUploadFailsTheJob() {
    String id = client.create(INSERT);
    client.patchState(id, "UploadComplete");

    JsonNode job = client.awaitState(id, TERMINAL, WAIT);

    assertThat(job.get("state").asText()).isEqualTo("Failed");
    assertThat(job.get("errorMessage").asText())
        .isEqualTo("InvalidBatch : No data was uploaded for this job");
    assertThat(client.results(id, "unprocessedrecords")).isEmpty();
    assertThat(client.results(id, "successfulResults")).isEqualTo("\"sf__Id\",\"sf__Created\"\n");
  }

  @Test
  void pollingClientObservesUploadCompleteThenInProgressThenJobComplete() {
    try (BulkIngestApi slow =
        new BulkIngestApi(
            store, BulkSettings.builder().stateDwell(Duration.ofMillis(300)).build())) {
      BulkTestClient slowClient = new BulkTestClient(slow);
      String id = slowClient.create(INSERT);
      slowClient.upload(id, "Name\nAcme\n");

      JsonNode closed = BulkTestClient.json(slowClient.patchState(id, "UploadComplete"));
      JsonNode inProgress = slowClient.awaitState(id, Set.of("InProgress", "JobComplete"), WAIT);
      JsonNode complete = slowClient.awaitState(id, TERMINAL, WAIT);

      assertThat(closed.get("state").asText()).isEqualTo("UploadComplete");
      assertThat(inProgress.get("state").asText()).isEqualTo("InProgress");
      assertThat(complete.get("state").asText()).isEqualTo("JobComplete");
      assertThat(complete.get("totalProcessingTime").asLong()).isGreaterThanOrEqualTo(300);
      assertThat(complete.get("systemModstamp").asText())
          .isGreaterThanOrEqualTo(complete.get("createdDate").asText());
    }
  }

  @Test
  void abortedJobKeepsProcessedRowsAndReportsTheRestAsUnprocessedVerbatim() {
    try (BulkIngestApi throttled =
        new BulkIngestApi(
            store,
            BulkSettings.builder().stateDwell(Duration.ZERO).recordsPerSecond(400).build())) {
      BulkTestClient throttledClient = new BulkTestClient(throttled);
      List<String> rows =
          IntStream.range(0, 2000).mapToObj(i -> "Acct " + i + ",\"d, " + i + "\"").toList();
      String id = throttledClient.create(INSERT);
      throttledClient.upload(id, "Name,Description\n" + String.join("\n", rows) + "\n");
      throttledClient.patchState(id, "UploadComplete");
      throttledClient.awaitProcessed(id, 20, WAIT);

      JsonNode aborted = BulkTestClient.json(throttledClient.patchState(id, "Aborted"));

      assertThat(aborted.get("state").asText()).isEqualTo("Aborted");
      String unprocessed = throttledClient.results(id, "unprocessedrecords");
      String successful = throttledClient.results(id, "successfulResults");
      long processed = throttledClient.info(id).get("numberRecordsProcessed").asLong();
      assertThat(processed).isBetween(20L, 1999L);
      assertThat(store.records("Account")).hasSize((int) processed);
      assertThat(successful.lines().count()).isEqualTo(processed + 1);
      assertThat(unprocessed)
          .isEqualTo(
              "Name,Description\n"
                  + rows.subList((int) processed, rows.size()).stream()
                      .map(r -> r + "\n")
                      .collect(Collectors.joining()));
      assertThat(throttledClient.info(id).get("state").asText()).isEqualTo("Aborted");
    }
  }

  @Test
  void internalBatchesAreCounted() {
    try (BulkIngestApi small =
        new BulkIngestApi(
            store, BulkSettings.builder().stateDwell(Duration.ZERO).internalBatchSize(2).build())) {
      new BulkTestClient(small).runJob(INSERT, "Name\nA\nB\nC\nD\nE\n");

      assertThat(small.jobs().get(0).internalBatches()).isEqualTo(3);
      assertThat(small.jobs().get(0).recordsProcessed()).isEqualTo(5);
    }
  }

  @Test
  void resetStopsARunningJobBeforeItsNextRow() {
    try (BulkIngestApi throttled =
        new BulkIngestApi(
            store,
            BulkSettings.builder().stateDwell(Duration.ZERO).recordsPerSecond(200).build())) {
      BulkTestClient throttledClient = new BulkTestClient(throttled);
      String id = throttledClient.create(INSERT);
      throttledClient.upload(
          id,
          "Name\n"
              + IntStream.range(0, 1000)
                  .mapToObj(i -> "A" + i + "\n")
                  .collect(Collectors.joining()));
      throttledClient.patchState(id, "UploadComplete");
      throttledClient.awaitProcessed(id, 10, WAIT);

      throttled.reset();
      int afterReset = store.records("Account").size();

      assertThat(throttled.jobs()).isEmpty();
      assertThat(afterReset).isLessThan(1000);
      assertThat(throttledClient.call("GET", "/" + id, null, null).status()).isEqualTo(404);
      BulkTestClient.json(throttledClient.createResponse(INSERT));
      assertThat(store.records("Account")).hasSize(afterReset);
    }
  }

  @Test
  void jobAbortedDuringTheInProgressDwellServesItsCompleteResults() {
    try (BulkIngestApi lingering =
        new BulkIngestApi(
            store,
            BulkSettings.builder()
                .uploadCompleteDwell(Duration.ZERO)
                .inProgressDwell(Duration.ofSeconds(30))
                .build())) {
      BulkTestClient lingeringClient = new BulkTestClient(lingering);
      String id = lingeringClient.create(INSERT);
      lingeringClient.upload(id, "Name\nAcme\nBeta\n");
      lingeringClient.patchState(id, "UploadComplete");
      assertThat(lingeringClient.awaitProcessed(id, 2, WAIT).get("state").asText())
          .isEqualTo("InProgress");

      lingeringClient.patchState(id, "Aborted");

      assertThat(lingeringClient.results(id, "successfulResults").lines().count()).isEqualTo(3);
      assertThat(lingeringClient.results(id, "unprocessedrecords")).isEqualTo("Name\n");
      assertThat(lingeringClient.info(id).get("state").asText()).isEqualTo("Aborted");
    }
  }

  @Test
  void resetDoesNotWaitForTheInProgressDwell() {
    BulkIngestApi lingering =
        new BulkIngestApi(
            store,
            BulkSettings.builder()
                .uploadCompleteDwell(Duration.ZERO)
                .inProgressDwell(Duration.ofSeconds(30))
                .build());
    try {
      BulkTestClient lingeringClient = new BulkTestClient(lingering);
      String id = lingeringClient.create(INSERT);
      lingeringClient.upload(id, "Name\nAcme\n");
      lingeringClient.patchState(id, "UploadComplete");
      lingeringClient.awaitProcessed(id, 1, WAIT);

      assertTimeoutPreemptively(Duration.ofSeconds(10), lingering::reset);

      assertThat(lingering.jobs()).isEmpty();
    } finally {
      assertTimeoutPreemptively(Duration.ofSeconds(10), lingering::close);
    }
  }

  @Test
  void closeStopsARunningJobAndTheExecutor() {
    BulkIngestApi throttled =
        new BulkIngestApi(
            store, BulkSettings.builder().stateDwell(Duration.ZERO).recordsPerSecond(200).build());
    BulkTestClient throttledClient = new BulkTestClient(throttled);
    String id = throttledClient.create(INSERT);
    throttledClient.upload(
        id,
        "Name\n"
            + IntStream.range(0, 1000).mapToObj(i -> "A" + i + "\n").collect(Collectors.joining()));
    throttledClient.patchState(id, "UploadComplete");
    throttledClient.awaitProcessed(id, 10, WAIT);

    assertTimeoutPreemptively(Duration.ofSeconds(10), throttled::close);
    int afterClose = store.records("Account").size();

    assertThat(afterClose).isLessThan(1000);
    assertThat(throttledClient.call("GET", "", null, null).status()).isEqualTo(503);
    assertThat(Thread.getAllStackTraces().keySet())
        .noneMatch(
            t ->
                t.getName().startsWith("bulk-ingest-")
                    && t.isAlive()
                    && t.getState() == Thread.State.RUNNABLE);
    assertThat(store.records("Account")).hasSize(afterClose);
  }

  @Test
  void concurrentJobsAreProcessedIndependently() {
    Map<String, Integer> expected = new HashMap<>();
    List<String> ids =
        IntStream.range(0, 8)
            .mapToObj(
                j -> {
                  String id = client.create(INSERT);
                  String csv =
                      "Name\n"
                          + IntStream.range(0, 50 + j)
                              .mapToObj(i -> "J" + j + "R" + i + "\n")
                              .collect(Collectors.joining());
                  client.upload(id, csv);
                  expected.put(id, 50 + j);
                  return id;
                })
            .toList();
    ids.forEach(id -> client.patchState(id, "UploadComplete"));

    for (String id : ids) {
      JsonNode job = client.awaitState(id, TERMINAL, WAIT);
      assertThat(job.get("state").asText()).isEqualTo("JobComplete");
      assertThat(job.get("numberRecordsProcessed").asInt()).isEqualTo(expected.get(id));
    }
    assertThat(store.records("Account"))
        .hasSize(expected.values().stream().mapToInt(Integer::intValue).sum());
  }
}
