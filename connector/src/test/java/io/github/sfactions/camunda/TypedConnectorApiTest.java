package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.action.TestOrg;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.connect.Connectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Java user calls the connectors through Camunda's registry with the typed request setters and response
 * getters only (no string keys), against the emulator.
 */
class TypedConnectorApiTest {

  private SalesforceEmulator org;

  @BeforeAll
  static void connect() {
    SalesforceConnections.global().register(SalesforceConnections.DEFAULT_CONNECTION,
        TestOrg.settings(SharedOrg.get()));
  }

  @BeforeEach
  void freshOrg() {
    org = SharedOrg.fresh();
  }

  private static SalesforceRequest request(String connectorId) {
    return Connectors.<SalesforceConnector>getConnector(connectorId).createRequest();
  }

  @Test
  void anActionConnectorUpsertsWithTypedInputsAndAnswersTypedOutputs() {
    SalesforceResponse created = request(SalesforceConnectorIds.LEAD).connection("default").syncMode("upsert")
        .field("LastName", "Doe").field("Company", "Acme").otherFields(Map.of("Note__c", "first"))
        .recordMatchers(Map.of("LastName", "Doe")).recordMatchersOperator("AND").execute();

    assertThat(created.getResult()).isEqualTo("created");
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getMatchCount()).isZero();
    assertThat(created.getApiCalls()).isEqualTo(2);
    assertThat(created.getRecordId()).hasSize(18);
    assertThat(org.record("Lead", created.getRecordId()).orElseThrow()).containsEntry("Note__c", "first");
    // the getters read the very outputs a BPMN output mapping sees
    assertThat(created.getResponseParameters()).containsEntry(ActionParameters.RECORD_ID, created.getRecordId())
        .containsEntry(ActionParameters.API_CALLS, 2);

    SalesforceResponse updated = request(SalesforceConnectorIds.LEAD).operation("update")
        .field("Company", "Acme Corp").recordMatchers(Map.of("Id", created.getRecordId())).execute();
    assertThat(updated.getResult()).isEqualTo("updated");
    assertThat(updated.getStatusCode()).isEqualTo(204);
    assertThat(updated.getRecordId()).isEqualTo(created.getRecordId());
    assertThat(updated.getApiCalls()).isEqualTo(1);
    assertThat(updated.getJobId()).isNull();
    assertThat(updated.getRecordIds()).isNull();
  }

  @Test
  void aConnectionRegisteredWithABaseHttpClientRunsTheConnectorsThroughIt() {
    List<String> seen = new CopyOnWriteArrayList<>();
    OkHttpClient base = new OkHttpClient.Builder().addInterceptor(chain -> {
      seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
      return chain.proceed(chain.request());
    }).build();
    SalesforceConnections.global().register("audited", TestOrg.settings(org), base);
    try {
      SalesforceResponse r = request(SalesforceConnectorIds.RECORD).connection("audited").sobject("Invoice__c")
          .operation("create").fields(Map.of("Status__c", "Open")).execute();
      assertThat(r.getResult()).isEqualTo("created");
      assertThat(seen).hasSize(2).first().isEqualTo("POST /services/oauth2/token");
      assertThat(seen.get(1)).endsWith("/sobjects/Invoice__c");
    } finally {
      SalesforceConnections.global().remove("audited");
    }
    // the base client is the caller's: the connection's removal left it usable
    assertThat(base.dispatcher().executorService().isShutdown()).isFalse();
  }

  @Test
  void aNativeUpsertOfACustomObjectByExternalIdIsOneCall() {
    SalesforceResponse r = request(SalesforceConnectorIds.CUSTOM_OBJECT).sobject("Invoice__c").syncMode("upsert")
        .externalIdField("Ext__c").recordMatchers(Map.of("Ext__c", "INV-9"))
        .otherFields(Map.of("Amount__c", 12.5)).execute();

    assertThat(r.getResult()).isEqualTo("created");
    assertThat(r.getApiCalls()).isEqualTo(1);
    assertThat(org.record("Invoice__c", r.getRecordId()).orElseThrow()).containsEntry("Ext__c", "INV-9");
  }

  @Test
  void findRecordsAnswersTheMatchCountAndIdsTyped() {
    String a = org.createRecord("Lead", Map.of("LastName", "Twin", "Company", "A"));
    String b = org.createRecord("Lead", Map.of("LastName", "Twin", "Company", "B"));
    org.createRecord("Lead", Map.of("LastName", "Other", "Company", "C"));

    SalesforceResponse two = request(SalesforceConnectorIds.FIND_RECORDS).sobject("Lead")
        .recordMatchers(Map.of("LastName", "Twin")).maxRecords(10).execute();
    assertThat(two.getMatchCount()).isEqualTo(2);
    assertThat(two.getRecordIds()).containsExactlyInAnyOrder(a, b);
    assertThat(two.getRecordId()).isNull();
    assertThat(two.getApiCalls()).isEqualTo(1);

    SalesforceResponse none = request(SalesforceConnectorIds.FIND_RECORDS).sobject("Lead")
        .recordMatchers(Map.of("LastName", "Nobody")).execute();
    assertThat(none.getMatchCount()).isZero();
    assertThat(none.getRecordIds()).isEmpty();
  }

  @Test
  void theRecordConnectorWritesByIdWithTypedInputs() {
    SalesforceResponse created = request(SalesforceConnectorIds.RECORD).sobject("Invoice__c").operation("create")
        .fields(Map.of("Status__c", "Open")).execute();
    assertThat(created.getResult()).isEqualTo("created");
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getMatchCount()).isNull();

    SalesforceResponse upserted = request(SalesforceConnectorIds.RECORD).sobject("Invoice__c").operation("upsert")
        .externalIdField("Ext__c").externalIdValue("I-7").fields(Map.of("Status__c", "Paid")).execute();
    assertThat(upserted.getResult()).isEqualTo("created");

    SalesforceResponse deleted = request(SalesforceConnectorIds.RECORD).sobject("Invoice__c").operation("delete")
        .recordId(created.getRecordId()).execute();
    assertThat(deleted.getResult()).isEqualTo("deleted");
    assertThat(deleted.getApiCalls()).isEqualTo(1);
    assertThat(org.record("Invoice__c", created.getRecordId())).isEmpty();
    assertThatThrownBy(() -> request(SalesforceConnectorIds.RECORD).sobject("Invoice__c").operation("delete")
        .recordId(created.getRecordId()).execute())
        .isInstanceOfSatisfying(BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("404"));
  }

  @Test
  void theBulkStepsRunAJobWithTypedInputsAndOutputs() throws InterruptedException {
    SalesforceResponse job = request(SalesforceConnectorIds.BULK_CREATE_JOB).sobject("Lead").operation("insert")
        .execute();
    assertThat(job.getState()).isEqualTo("Open");
    String jobId = job.getJobId();

    SalesforceResponse uploaded = request(SalesforceConnectorIds.BULK_UPLOAD).jobId(jobId)
        .records(List.of(Map.of("LastName", "Bulk1", "Company", "Acme"), Map.of("LastName", "Bulk2"))).execute();
    assertThat(uploaded.getRecordCount()).isEqualTo(2);
    assertThat(request(SalesforceConnectorIds.BULK_CLOSE).jobId(jobId).execute().getState())
        .isEqualTo("UploadComplete");

    SalesforceResponse status = request(SalesforceConnectorIds.BULK_STATUS).jobId(jobId).execute();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
    while (!status.isDone() && Instant.now().isBefore(deadline)) {
      Thread.sleep(100); // the test polls as a BPMN timer loop would
      status = request(SalesforceConnectorIds.BULK_STATUS).jobId(jobId).execute();
    }
    assertThat(status.isDone()).isTrue();
    assertThat(status.getState()).isEqualTo("JobComplete");
    assertThat(status.getNumberRecordsProcessed()).isEqualTo(2L);
    assertThat(status.getNumberRecordsFailed()).isEqualTo(1L);
    assertThat(status.getErrorMessage()).isNull();
    assertThat(status.getApiCalls()).isEqualTo(1);

    SalesforceResponse results = request(SalesforceConnectorIds.BULK_RESULTS).jobId(jobId).execute();
    assertThat(results.getSuccessfulCount()).isEqualTo(1);
    assertThat(results.getFailedCount()).isEqualTo(1);
    assertThat(results.getUnprocessedCount()).isZero();
    assertThat(results.getResults()).hasSize(2).anySatisfy(r -> {
      assertThat(r).containsEntry("outcome", "success").containsEntry("result", "created")
          .containsEntry("row", Map.of("LastName", "Bulk1", "Company", "Acme"));
      assertThat((String) r.get("id")).hasSize(18);
    }).anySatisfy(r -> assertThat(r).containsEntry("outcome", "failed")
        .containsEntry("errorCode", "REQUIRED_FIELD_MISSING"));
  }
}
