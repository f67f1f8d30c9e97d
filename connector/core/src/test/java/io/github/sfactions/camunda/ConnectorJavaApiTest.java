package io.github.sfactions.camunda;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.action.ActionType;
import io.github.sfactions.action.TestOrg;
import io.github.sfactions.camunda.impl.ActionConnector;
import io.github.sfactions.camunda.impl.SalesforceResponseImpl;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.connect.Connectors;
import org.camunda.connect.impl.DebugRequestInterceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The connectors used from plain Java (found through Camunda's registry), against the emulator:
 * with the generic parameter map, and with the typed request setters and response getters.
 */
class ConnectorJavaApiTest {

  private SalesforceEmulator org;

  @BeforeAll
  static void connect() {
    SalesforceConnections.global()
        .register(SalesforceConnections.DEFAULT_CONNECTION, TestOrg.settings(SharedOrg.get()));
  }

  @BeforeEach
  void freshOrg() {
    org = SharedOrg.fresh();
  }

  @AfterEach
  void noQueue() {
    BulkQueues.current().ifPresent(BulkQueues::unregister);
  }

  private static SalesforceRequest request(String connectorId) {
    SalesforceConnector connector = Connectors.getConnector(connectorId);
    return connector.createRequest();
  }

  @Test
  void everyConnectorIdIsRegisteredThroughTheServiceLoader() {
    for (String id : SalesforceConnectorIds.ALL) {
      assertThat(Connectors.<SalesforceConnector>getConnector(id))
          .as(id)
          .isInstanceOfSatisfying(
              SalesforceConnector.class, c -> assertThat(c.getId()).isEqualTo(id));
    }
  }

  @Test
  void eachActionConnectorCreatesItsObjectWithOneCall() {
    Map<String, Map<String, Object>> inputs = new LinkedHashMap<>();
    inputs.put(SalesforceConnectorIds.LEAD, Map.of("LastName", "Doe", "Company", "Acme"));
    inputs.put(SalesforceConnectorIds.ACCOUNT, Map.of("Name", "Acme", "NumberOfEmployees", "42"));
    inputs.put(SalesforceConnectorIds.CONTACT, Map.of("LastName", "Roe"));
    inputs.put(
        SalesforceConnectorIds.OPPORTUNITY,
        Map.of(
            "Name", "Deal", "StageName", "Prospecting", "CloseDate", "2026-12-31", "Amount", 1200));
    inputs.put(SalesforceConnectorIds.CASE, Map.of("Description", "Broken"));
    inputs.put(
        SalesforceConnectorIds.CUSTOM_OBJECT,
        Map.of(
            "sobject", "Invoice__c", "otherFields", "{\"Ext__c\":\"INV-1\",\"Amount__c\":12.5}"));
    List<String> objects = new ArrayList<>();
    inputs.forEach(
        (id, fields) -> {
          SalesforceRequest request = request(id).parameter(ActionParameters.SYNC_MODE, "add");
          fields.forEach(request::parameter);
          SalesforceResponse response = request.execute();
          assertThat(response.getResponseParameters())
              .containsEntry(ActionParameters.RESULT, "created")
              .containsEntry(ActionParameters.STATUS_CODE, 201)
              .containsEntry(ActionParameters.API_CALLS, 1);
          assertThat((String) response.getResponseParameter(ActionParameters.RECORD_ID))
              .hasSize(18);
        });
    for (RecordedRequest r : TestOrg.dataRequests(org)) {
      objects.add(r.path().substring(r.path().lastIndexOf('/') + 1));
    }
    assertThat(objects)
        .containsExactly("Lead", "Account", "Contact", "Opportunity", "Case", "Invoice__c");
    assertThat(TestOrg.dataRequests(org).get(1).body())
        .isEqualTo("{\"Name\":\"Acme\",\"NumberOfEmployees\":42}");
    assertThat(TestOrg.dataRequests(org).get(3).body())
        .isEqualTo(
            "{\"Amount\":\"1200\",\"CloseDate\":\"2026-12-31\",\"Name\":\"Deal\",\"StageName\":\"Prospecting\"}");
  }

  @Test
  void updateAndDeleteByIdAndNativeUpsertAreOneCallEach() {
    String id = org.createRecord("Lead", Map.of("LastName", "A", "Company", "C"));
    SalesforceResponse updated =
        request(SalesforceConnectorIds.LEAD)
            .parameter("operation", "update")
            .parameter("City", "Bern")
            .parameter("recordMatchers", Map.of("Id", id))
            .execute();
    assertThat(updated.getResponseParameters())
        .containsEntry("recordId", id)
        .containsEntry("result", "updated")
        .containsEntry("matchCount", 1)
        .containsEntry("statusCode", 204)
        .containsEntry("apiCalls", 1);

    SalesforceResponse upserted =
        request(SalesforceConnectorIds.LEAD)
            .parameter("operation", "upsert")
            .parameter("LastName", "B")
            .parameter("Company", "C")
            .parameter("externalIdField", "Ext__c")
            .parameter("recordMatchers", "{\"Ext__c\":\"X-1\"}")
            .execute();
    assertThat(upserted.getResponseParameters())
        .containsEntry("result", "created")
        .containsEntry("apiCalls", 1);

    SalesforceResponse deleted =
        request(SalesforceConnectorIds.LEAD)
            .parameter("operation", "delete")
            .parameter("recordMatchers", Map.of("Id", id))
            .execute();
    assertThat(deleted.getResponseParameters())
        .containsEntry("result", "deleted")
        .containsEntry("apiCalls", 1);
    assertThat(org.stats().totalApiCalls()).isEqualTo(3);
  }

  @Test
  void businessErrorsAreBpmnErrorsWithTheReferenceMessage() {
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.LEAD)
                    .parameter("operation", "create")
                    .parameter("Company", "Acme")
                    .execute())
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("400");
              assertThat(e.getMessage()).isEqualTo("Missing last_name value");
            });
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.CUSTOM_OBJECT)
                    .parameter("syncMode", "add")
                    .parameter("otherFields", Map.of("Status__c", "x"))
                    .execute())
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getMessage()).startsWith("Missing sobject value"));
    assertThatThrownBy(
            () -> request(SalesforceConnectorIds.LEAD).parameter("syncMode", "merge").execute())
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("400"));
    assertThat(org.stats().totalApiCalls()).isZero();
  }

  @Test
  void salesforceRejectionsCarryTheirErrorCode() {
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.LEAD)
                    .parameter("operation", "create")
                    .parameter("LastName", "NoCompany")
                    .execute())
        .isInstanceOfSatisfying(
            BpmnError.class,
            e -> {
              assertThat(e.getErrorCode()).isEqualTo("400");
              assertThat(e.getMessage()).contains("Company");
              assertThat(e.getCause())
                  .hasFieldOrPropertyWithValue("salesforceErrorCode", "REQUIRED_FIELD_MISSING");
            });
  }

  @Test
  void unknownInputParametersAreRejectedWithTheAcceptedNames() {
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.LEAD)
                    .parameter("operation", "create")
                    .parameter("Lastname", "Doe")
                    .execute())
        .isInstanceOfSatisfying(
            BpmnError.class,
            e ->
                assertThat(e.getMessage())
                    .startsWith("Unknown input parameter(s) [Lastname] for salesforce-lead")
                    .contains("LastName"));
  }

  @Test
  void unknownConnectionIsAConfigurationError() {
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.CASE)
                    .parameter("syncMode", "add")
                    .parameter("connection", "nowhere")
                    .execute())
        .isInstanceOf(SalesforceConfigurationException.class)
        .hasMessageContaining("No Salesforce connection named 'nowhere'")
        .hasMessageContaining("default");
  }

  @Test
  void bulkDeliveryWithoutAQueueIsAConfigurationErrorAndWithOneTheRecordIsQueued() {
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.LEAD)
                    .parameter("syncMode", "add")
                    .parameter("LastName", "Doe")
                    .parameter("useBulkApi", true)
                    .execute())
        .isInstanceOf(SalesforceConfigurationException.class)
        .hasMessageContaining("needs a BulkQueue");

    List<BulkQueueEntry> queued = new ArrayList<>();
    BulkQueue queue =
        entry -> {
          queued.add(entry);
          return "entry-" + queued.size();
        };
    BulkQueues.register(queue);
    SalesforceResponse response =
        request(SalesforceConnectorIds.LEAD)
            .parameter("syncMode", "upsert")
            .parameter("LastName", "Doe")
            .parameter("delivery", "bulk")
            .parameter(
                "bulkUpsertExternalId",
                Map.of("externalIdName", "Ext__c", "externalIdValue", "E-1"))
            .execute();
    assertThat(response.getResponseParameters())
        .containsEntry("result", "queued")
        .containsEntry("statusCode", 202)
        .containsEntry("apiCalls", 0)
        .containsEntry("queueEntryId", "entry-1");
    assertThat(queued)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.connection()).isEqualTo("default");
              assertThat(e.record().jobKey().externalIdFieldName()).isEqualTo("Ext__c");
              assertThat(e.record().row())
                  .containsEntry("LastName", "Doe")
                  .containsEntry("Ext__c", "E-1");
              assertThat(e.processInstanceId()).isNull();
            });
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.LEAD)
                    .parameter("syncMode", "delete")
                    .parameter("useBulkApi", true)
                    .execute())
        .isInstanceOfSatisfying(
            BpmnError.class,
            e ->
                assertThat(e.getMessage())
                    .isEqualTo(
                        "Unsupported operation: Bulk API does not support the delete operation"));
    assertThat(org.stats().totalApiCalls()).isZero();
  }

  @Test
  void recordConnectorWritesByIdAndUpsertsNatively() {
    SalesforceResponse created =
        request(SalesforceConnectorIds.RECORD)
            .parameter("sobject", "Invoice__c")
            .parameter("operation", "create")
            .parameter("fields", Map.of("Status__c", "Open"))
            .execute();
    String id = created.getResponseParameter("recordId");
    assertThat(created.getResponseParameters())
        .containsEntry("result", "created")
        .containsEntry("apiCalls", 1);
    assertThat(
            request(SalesforceConnectorIds.RECORD)
                .parameter("sobject", "Invoice__c")
                .parameter("operation", "update")
                .parameter("recordId", id)
                .parameter("fields", "{\"Status__c\":\"Paid\"}")
                .execute()
                .getResponseParameters())
        .containsEntry("result", "updated");
    assertThat(org.record("Invoice__c", id).orElseThrow()).containsEntry("Status__c", "Paid");
    SalesforceResponse upserted =
        request(SalesforceConnectorIds.RECORD)
            .parameter("sobject", "Invoice__c")
            .parameter("operation", "upsert")
            .parameter("externalIdField", "Ext__c")
            .parameter("externalIdValue", "I-7")
            .parameter("fields", Map.of("Status__c", "Open"))
            .execute();
    assertThat(upserted.getResponseParameters())
        .containsEntry("result", "created")
        .containsEntry("statusCode", 201);
    assertThat(
            request(SalesforceConnectorIds.RECORD)
                .parameter("sobject", "Invoice__c")
                .parameter("operation", "delete")
                .parameter("recordId", id)
                .execute()
                .getResponseParameters())
        .containsEntry("result", "deleted");
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.RECORD)
                    .parameter("sobject", "Invoice__c")
                    .parameter("operation", "delete")
                    .parameter("recordId", id)
                    .execute())
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("404"));
    assertThat(org.stats().totalApiCalls()).isEqualTo(5);
  }

  @Test
  void aFieldTheOrgDoesNotKnowIsATechnicalFailureNamingConnectorObjectPathAndErrorCode() {
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.LEAD)
                    .parameter("operation", "create")
                    .parameter("LastName", "Doe")
                    .parameter("Company", "Acme")
                    .parameter("otherFields", Map.of("Bogus__c", 1))
                    .execute())
        .isInstanceOfSatisfying(
            SalesforceConnectorException.class,
            e -> {
              assertThat(e.getMessage())
                  .startsWith("salesforce-lead (Lead create) failed: ")
                  .contains(
                      "POST",
                      "/services/data/v62.0/sobjects/Lead",
                      "400",
                      "INVALID_FIELD",
                      "Bogus__c");
              assertThat(e.retryable()).isFalse();
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.errorCode()).isEqualTo("INVALID_FIELD");
            });
  }

  @Test
  void interceptorsSeeTheInputsAndMayAnswerWithoutCallingSalesforce() {
    ActionConnector connector = new ActionConnector(SalesforceConnectorIds.LEAD, ActionType.LEAD);
    DebugRequestInterceptor debug =
        new DebugRequestInterceptor(
            new SalesforceResponseImpl(
                Map.of(ActionParameters.RESULT, "created", ActionParameters.RECORD_ID, "canned")));
    connector.addRequestInterceptor(debug);

    SalesforceResponse response =
        connector
            .createRequest()
            .parameter("operation", "create")
            .parameter("LastName", "Doe")
            .execute();

    assertThat(response.getResponseParameters()).containsEntry("recordId", "canned");
    assertThat((Map<String, Object>) debug.getTarget()).containsEntry("LastName", "Doe");
    assertThat(org.stats().totalApiCalls()).isZero();
  }

  // typed setters and getters only, no string keys

  @Test
  void anActionConnectorUpsertsWithTypedInputsAndAnswersTypedOutputs() {
    SalesforceResponse created =
        request(SalesforceConnectorIds.LEAD)
            .connection("default")
            .syncMode("upsert")
            .field("LastName", "Doe")
            .field("Company", "Acme")
            .otherFields(Map.of("Note__c", "first"))
            .recordMatchers(Map.of("LastName", "Doe"))
            .recordMatchersOperator("AND")
            .execute();

    assertThat(created.getResult()).isEqualTo("created");
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getMatchCount()).isZero();
    assertThat(created.getApiCalls()).isEqualTo(2);
    assertThat(created.getRecordId()).hasSize(18);
    assertThat(org.record("Lead", created.getRecordId()).orElseThrow())
        .containsEntry("Note__c", "first");
    // the getters read the very outputs a BPMN output mapping sees
    assertThat(created.getResponseParameters())
        .containsEntry(ActionParameters.RECORD_ID, created.getRecordId())
        .containsEntry(ActionParameters.API_CALLS, 2);

    SalesforceResponse updated =
        request(SalesforceConnectorIds.LEAD)
            .operation("update")
            .field("Company", "Acme Corp")
            .recordMatchers(Map.of("Id", created.getRecordId()))
            .execute();
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
    OkHttpClient base =
        new OkHttpClient.Builder()
            .addInterceptor(
                chain -> {
                  seen.add(chain.request().method() + " " + chain.request().url().encodedPath());
                  return chain.proceed(chain.request());
                })
            .build();
    SalesforceConnections.global().register("audited", TestOrg.settings(org), base);
    try {
      SalesforceResponse r =
          request(SalesforceConnectorIds.RECORD)
              .connection("audited")
              .sobject("Invoice__c")
              .operation("create")
              .fields(Map.of("Status__c", "Open"))
              .execute();
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
    SalesforceResponse r =
        request(SalesforceConnectorIds.CUSTOM_OBJECT)
            .sobject("Invoice__c")
            .syncMode("upsert")
            .externalIdField("Ext__c")
            .recordMatchers(Map.of("Ext__c", "INV-9"))
            .otherFields(Map.of("Amount__c", 12.5))
            .execute();

    assertThat(r.getResult()).isEqualTo("created");
    assertThat(r.getApiCalls()).isEqualTo(1);
    assertThat(org.record("Invoice__c", r.getRecordId()).orElseThrow())
        .containsEntry("Ext__c", "INV-9");
  }

  @Test
  void findRecordsAnswersTheMatchCountAndIdsTyped() {
    String a = org.createRecord("Lead", Map.of("LastName", "Twin", "Company", "A"));
    String b = org.createRecord("Lead", Map.of("LastName", "Twin", "Company", "B"));
    org.createRecord("Lead", Map.of("LastName", "Other", "Company", "C"));

    SalesforceResponse two =
        request(SalesforceConnectorIds.FIND_RECORDS)
            .sobject("Lead")
            .recordMatchers(Map.of("LastName", "Twin"))
            .maxRecords(10)
            .execute();
    assertThat(two.getMatchCount()).isEqualTo(2);
    assertThat(two.getRecordIds()).containsExactlyInAnyOrder(a, b);
    assertThat(two.getRecordId()).isNull();
    assertThat(two.getApiCalls()).isEqualTo(1);

    SalesforceResponse none =
        request(SalesforceConnectorIds.FIND_RECORDS)
            .sobject("Lead")
            .recordMatchers(Map.of("LastName", "Nobody"))
            .execute();
    assertThat(none.getMatchCount()).isZero();
    assertThat(none.getRecordIds()).isEmpty();
  }

  @Test
  void theRecordConnectorWritesByIdWithTypedInputs() {
    SalesforceResponse created =
        request(SalesforceConnectorIds.RECORD)
            .sobject("Invoice__c")
            .operation("create")
            .fields(Map.of("Status__c", "Open"))
            .execute();
    assertThat(created.getResult()).isEqualTo("created");
    assertThat(created.getStatusCode()).isEqualTo(201);
    assertThat(created.getMatchCount()).isNull();

    SalesforceResponse upserted =
        request(SalesforceConnectorIds.RECORD)
            .sobject("Invoice__c")
            .operation("upsert")
            .externalIdField("Ext__c")
            .externalIdValue("I-7")
            .fields(Map.of("Status__c", "Paid"))
            .execute();
    assertThat(upserted.getResult()).isEqualTo("created");

    SalesforceResponse deleted =
        request(SalesforceConnectorIds.RECORD)
            .sobject("Invoice__c")
            .operation("delete")
            .recordId(created.getRecordId())
            .execute();
    assertThat(deleted.getResult()).isEqualTo("deleted");
    assertThat(deleted.getApiCalls()).isEqualTo(1);
    assertThat(org.record("Invoice__c", created.getRecordId())).isEmpty();
    assertThatThrownBy(
            () ->
                request(SalesforceConnectorIds.RECORD)
                    .sobject("Invoice__c")
                    .operation("delete")
                    .recordId(created.getRecordId())
                    .execute())
        .isInstanceOfSatisfying(
            BpmnError.class, e -> assertThat(e.getErrorCode()).isEqualTo("404"));
  }

  @Test
  void theBulkStepsRunAJobWithTypedInputsAndOutputs() throws InterruptedException {
    SalesforceResponse job =
        request(SalesforceConnectorIds.BULK_CREATE_JOB)
            .sobject("Lead")
            .operation("insert")
            .execute();
    assertThat(job.getState()).isEqualTo("Open");
    String jobId = job.getJobId();

    SalesforceResponse uploaded =
        request(SalesforceConnectorIds.BULK_UPLOAD)
            .jobId(jobId)
            .records(
                List.of(
                    Map.of("LastName", "Bulk1", "Company", "Acme"), Map.of("LastName", "Bulk2")))
            .execute();
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

    SalesforceResponse results =
        request(SalesforceConnectorIds.BULK_RESULTS).jobId(jobId).execute();
    assertThat(results.getSuccessfulCount()).isEqualTo(1);
    assertThat(results.getFailedCount()).isEqualTo(1);
    assertThat(results.getUnprocessedCount()).isZero();
    assertThat(results.getResults())
        .hasSize(2)
        .anySatisfy(
            r -> {
              assertThat(r)
                  .containsEntry("outcome", "success")
                  .containsEntry("result", "created")
                  .containsEntry("row", Map.of("LastName", "Bulk1", "Company", "Acme"));
              assertThat((String) r.get("id")).hasSize(18);
            })
        .anySatisfy(
            r ->
                assertThat(r)
                    .containsEntry("outcome", "failed")
                    .containsEntry("errorCode", "REQUIRED_FIELD_MISSING"));
  }
}
