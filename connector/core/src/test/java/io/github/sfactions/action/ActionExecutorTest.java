package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every action with every operation and sync mode over real HTTP against the emulator. */
class ActionExecutorTest {

  @RegisterExtension static final EmulatorExtension EMULATOR = TestOrg.extension();

  private static SalesforceClient client;
  private static ActionExecutor executor;

  @BeforeAll
  static void connect() {
    client = SalesforceClient.create(TestOrg.settings(EMULATOR.get()));
    executor = new ActionExecutor(client);
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  private SalesforceEmulator org() {
    return EMULATOR.get();
  }

  /**
   * Per action: a valid record as standard fields + other fields, and the field that identifies it.
   */
  private record Sample(
      ActionType type,
      String sobject,
      Map<String, Object> fields,
      Map<String, Object> other,
      String keyField,
      String keyValue) {

    ActionRequest.Builder request() {
      ActionRequest.Builder b =
          ActionRequest.builder(type)
              .sobject(type.isCustomObject() ? sobject : null)
              .otherFields(other);
      fields.forEach(b::field);
      return b;
    }

    Map<String, Object> seed() {
      Map<String, Object> all = new LinkedHashMap<>(fields);
      all.putAll(other);
      return all;
    }
  }

  private static Map<String, Object> map(Object... kv) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < kv.length; i += 2) {
      m.put((String) kv[i], kv[i + 1]);
    }
    return m;
  }

  static Stream<Sample> samples() {
    return Stream.of(
        new Sample(
            ActionType.LEAD,
            "Lead",
            map("LastName", "Doe", "Company", "Acme", "Email", "doe@acme.io"),
            map(),
            "Email",
            "doe@acme.io"),
        new Sample(
            ActionType.ACCOUNT,
            "Account",
            map("Name", "Acme", "AccountNumber", "A-1"),
            map(),
            "AccountNumber",
            "A-1"),
        new Sample(
            ActionType.CONTACT,
            "Contact",
            map("LastName", "Roe", "Email", "roe@acme.io"),
            map(),
            "Email",
            "roe@acme.io"),
        new Sample(
            ActionType.OPPORTUNITY,
            "Opportunity",
            map("CloseDate", "2026-12-31", "Name", "Deal-1", "StageName", "Prospecting"),
            map(),
            "Name",
            "Deal-1"),
        new Sample(
            ActionType.CASE,
            "Case",
            map("Description", "Broken"),
            map("SuppliedEmail", "c@acme.io"),
            "SuppliedEmail",
            "c@acme.io"),
        new Sample(
            ActionType.CUSTOM_OBJECT,
            "Invoice__c",
            map(),
            map("Ext__c", "INV-1", "Status__c", "Open"),
            "Ext__c",
            "INV-1"));
  }

  static Stream<Arguments> samplesWithFlavour() {
    return samples().flatMap(s -> Stream.of(Arguments.of(s, true), Arguments.of(s, false)));
  }

  private static ActionRequest.Builder op(ActionRequest.Builder b, Operation op, boolean v1) {
    return v1 ? b.operation(op.v1Name()) : b.syncMode(op.v2Name());
  }

  @ParameterizedTest
  @MethodSource("samplesWithFlavour")
  void createPostsTheBodyInShapeOrderWithOneCall(Sample s, boolean v1) {
    ActionResult result = executor.execute(op(s.request(), Operation.CREATE, v1).build());

    assertThat(result.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(result.statusCode()).isEqualTo(201);
    assertThat(result.apiCalls()).isEqualTo(1);
    assertThat(org().stats().totalApiCalls()).isEqualTo(1);
    assertThat(org().record(s.sobject(), result.recordId())).isPresent();
    RecordedRequest post = TestOrg.dataRequests(org()).get(0);
    assertThat(post.method()).isEqualTo("POST");
    assertThat(post.path()).isEqualTo("/services/data/v62.0/sobjects/" + s.sobject());
    assertThat(post.body())
        .isEqualTo(json(RecordBodyOrder.expected(s.type(), s.fields(), s.other())));
  }

  @ParameterizedTest
  @MethodSource("samplesWithFlavour")
  void updateByMatcherQueriesThenPatchesWithTwoCalls(Sample s, boolean v1) {
    String id = org().createRecord(s.sobject(), s.seed());
    ActionResult result =
        executor.execute(
            op(s.request(), Operation.UPDATE, v1)
                .recordMatchers(Map.of(s.keyField(), s.keyValue()))
                .build());

    assertThat(result).isEqualTo(new ActionResult(id, Outcome.UPDATED, 1, 204, 2));
    assertThat(org().stats().totalApiCalls()).isEqualTo(2);
    List<RecordedRequest> requests = TestOrg.dataRequests(org());
    assertThat(TestOrg.soql(requests.get(0)))
        .isEqualTo(
            "SELECT Id FROM "
                + s.sobject()
                + " WHERE "
                + s.keyField()
                + " = '"
                + s.keyValue()
                + "'");
    assertThat(requests.get(0).path()).isEqualTo("/services/data/v62.0/query/");
    assertThat(requests.get(1).method()).isEqualTo("PATCH");
    assertThat(requests.get(1).path())
        .isEqualTo("/services/data/v62.0/sobjects/" + s.sobject() + "/" + id);
  }

  @ParameterizedTest
  @MethodSource("samplesWithFlavour")
  void updateByIdIsOneCall(Sample s, boolean v1) {
    String id = org().createRecord(s.sobject(), s.seed());
    ActionResult result =
        executor.execute(
            op(s.request(), Operation.UPDATE, v1).recordMatchers(Map.of("Id", id)).build());
    assertThat(result).isEqualTo(new ActionResult(id, Outcome.UPDATED, 1, 204, 1));
    assertThat(org().stats().totalApiCalls()).isEqualTo(1);
  }

  @ParameterizedTest
  @MethodSource("samplesWithFlavour")
  void upsertUpdatesTheMatchOrCreatesWhenNothingMatches(Sample s, boolean v1) {
    ActionResult created =
        executor.execute(
            op(s.request(), Operation.UPSERT, v1)
                .recordMatchers(Map.of(s.keyField(), s.keyValue()))
                .build());
    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.matchCount()).isZero();
    assertThat(created.apiCalls()).isEqualTo(2);
    assertThat(TestOrg.dataRequests(org()))
        .extracting(RecordedRequest::method)
        .containsExactly("GET", "POST");

    ActionResult updated =
        executor.execute(
            op(s.request(), Operation.UPSERT, v1)
                .recordMatchers(Map.of(s.keyField(), s.keyValue()))
                .build());
    assertThat(updated).isEqualTo(new ActionResult(created.recordId(), Outcome.UPDATED, 1, 204, 2));
    assertThat(org().records(s.sobject())).hasSize(1);
  }

  @ParameterizedTest
  @MethodSource("samplesWithFlavour")
  void deleteByMatcherIsTwoCallsAndByIdOne(Sample s, boolean v1) {
    String first = org().createRecord(s.sobject(), s.seed());
    ActionResult byMatcher =
        executor.execute(
            op(s.request(), Operation.DELETE, v1)
                .recordMatchers(Map.of(s.keyField(), s.keyValue()))
                .build());
    assertThat(byMatcher).isEqualTo(new ActionResult(first, Outcome.DELETED, 1, 204, 2));
    assertThat(org().record(s.sobject(), first)).isEmpty();

    String second = org().createRecord(s.sobject(), s.seed());
    ActionResult byId =
        executor.execute(
            op(s.request(), Operation.DELETE, v1).recordMatchers(Map.of("Id", second)).build());
    assertThat(byId).isEqualTo(new ActionResult(second, Outcome.DELETED, 1, 204, 1));
    RecordedRequest delete = TestOrg.dataRequests(org()).get(2);
    assertThat(delete.method()).isEqualTo("DELETE");
    assertThat(delete.body()).isNullOrEmpty();
  }

  @Test
  void nativeUpsertWithExternalIdFieldIsOneCallCreateThenUpdate() {
    ActionRequest request =
        ActionRequest.builder(ActionType.LEAD)
            .operation("upsert")
            .field("LastName", "Doe")
            .field("Company", "Acme")
            .externalIdField("Ext__c")
            .recordMatchers(Map.of("Ext__c", "E 1/2"))
            .build();
    ActionResult created = executor.execute(request);
    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(created.apiCalls()).isEqualTo(1);
    ActionResult updated = executor.execute(request);
    assertThat(updated).isEqualTo(new ActionResult(created.recordId(), Outcome.UPDATED, 1, 200, 1));
    RecordedRequest patch = TestOrg.dataRequests(org()).get(0);
    assertThat(patch.method()).isEqualTo("PATCH");
    assertThat(patch.path()).isEqualTo("/services/data/v62.0/sobjects/Lead/Ext__c/E%201%2F2");
    assertThat(patch.body()).isEqualTo("{\"LastName\":\"Doe\",\"Company\":\"Acme\"}");
    assertThat(org().stats().totalApiCalls()).isEqualTo(2);
  }

  @Test
  void nativeUpsertTakesTheValueFromTheFieldsWhenNoMatcherHasIt() {
    ActionResult created =
        executor.execute(
            ActionRequest.builder(ActionType.CUSTOM_OBJECT)
                .sobject("Invoice__c")
                .syncMode("upsert")
                .externalIdField("Ext__c")
                .otherFields(map("Ext__c", "INV-9", "Amount__c", 12.5))
                .build());
    assertThat(created.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(org().record("Invoice__c", created.recordId()).orElseThrow())
        .containsEntry("Ext__c", "INV-9");
  }

  @Test
  void updateWithoutMatchIs404AndWritesNothing() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("update")
                        .field("LastName", "X")
                        .recordMatchers(Map.of("Email", "nobody@x.io"))
                        .build()))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> {
              assertThat(e).hasMessage("No record found with given traits");
              assertThat(e.code()).isEqualTo("Record Not Found");
              assertThat(e.status()).isEqualTo(404);
              assertThat(e.matchCount()).isZero();
            });
    assertThat(TestOrg.dataRequests(org()))
        .extracting(RecordedRequest::method)
        .containsExactly("GET");
  }

  @Test
  void severalMatchesAre300WithTheIdsAndNothingChanges() {
    String a = org().createRecord("Lead", map("LastName", "A", "Company", "Same"));
    String b = org().createRecord("Lead", map("LastName", "B", "Company", "Same"));
    for (String operation : List.of("update", "upsert", "delete")) {
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ActionRequest.builder(ActionType.LEAD)
                          .operation(operation)
                          .field("LastName", "Z")
                          .recordMatchers(Map.of("Company", "Same"))
                          .build()))
          .isInstanceOfSatisfying(
              ActionException.class,
              e -> {
                assertThat(e).hasMessage("Multiple records returned with given traits");
                assertThat(e.code()).isEqualTo("Multiple Records Found");
                assertThat(e.status()).isEqualTo(300);
                assertThat(e.matchCount()).isEqualTo(2);
                assertThat(e.recordIds()).containsExactlyInAnyOrder(a, b);
              });
    }
    assertThat(TestOrg.dataRequests(org())).extracting(RecordedRequest::method).containsOnly("GET");
    assertThat(org().records("Lead"))
        .extracting(r -> r.get("LastName"))
        .containsExactlyInAnyOrder("A", "B");
  }

  @Test
  void missingMatchersAndEmptyMatchersUseTheTwoReferenceMessages() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD).operation("delete").build()))
        .hasMessage("Undefined lookup traits for update or upsert operation")
        .extracting("code")
        .isEqualTo("Misconfigured Required Field");
    for (String operation : List.of("update", "delete")) {
      assertThatThrownBy(
              () ->
                  executor.execute(
                      ActionRequest.builder(ActionType.LEAD)
                          .operation(operation)
                          .recordMatchers(Map.of())
                          .build()))
          .hasMessage("Undefined Traits when using " + operation + " operation")
          .extracting("code")
          .isEqualTo("Undefined Traits");
    }
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("upsert")
                        .field("LastName", "X")
                        .recordMatchers(Map.of())
                        .build()))
        .hasMessage("Undefined Traits when using upsert operation");
    assertThat(org().stats().totalApiCalls()).isZero();
  }

  @Test
  void idShortcutIgnoresOtherMatchersAndTheOperatorButUpsertQueriesTheId() {
    String id = org().createRecord("Lead", map("LastName", "A", "Company", "C", "Email", "a@x.io"));
    ActionResult updated =
        executor.execute(
            ActionRequest.builder(ActionType.LEAD)
                .operation("update")
                .field("City", "Bern")
                .recordMatchers(map("Email", "other@x.io", "Id", id))
                .recordMatchersOperator("XOR")
                .build());
    assertThat(updated.recordId()).isEqualTo(id);
    assertThat(org().record("Lead", id).orElseThrow()).containsEntry("City", "Bern");

    org().reset();
    String again = org().createRecord("Lead", map("LastName", "A", "Company", "C"));
    ActionResult upserted =
        executor.execute(
            ActionRequest.builder(ActionType.LEAD)
                .operation("upsert")
                .field("LastName", "A2")
                .recordMatchers(Map.of("Id", again))
                .build());
    assertThat(upserted.outcome()).isEqualTo(Outcome.UPDATED);
    assertThat(TestOrg.soql(TestOrg.dataRequests(org()).get(0)))
        .isEqualTo("SELECT Id FROM Lead WHERE Id = '" + again + "'");
  }

  @Test
  void matchersCombineWithAndOrAndEscapeQuotesAndBackslashes() {
    String krusty =
        org()
            .createRecord(
                "Lead", map("LastName", "K", "Company", "Krusty's Krab", "City", "C:\\temp"));
    org().createRecord("Lead", map("LastName", "P", "Company", "Chum Bucket", "City", "C:\\temp"));
    ActionResult and =
        executor.execute(
            ActionRequest.builder(ActionType.LEAD)
                .operation("update")
                .field("State", "BB")
                .recordMatchers(map("Company", "Krusty's Krab", "City", "C:\\temp"))
                .recordMatchersOperator("AND")
                .build());
    assertThat(and.recordId()).isEqualTo(krusty);
    assertThat(TestOrg.soql(TestOrg.dataRequests(org()).get(0)))
        .isEqualTo("SELECT Id FROM Lead WHERE Company = 'Krusty\\'s Krab' AND City = 'C:\\\\temp'");
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("update")
                        .field("State", "BB")
                        .recordMatchers(map("Company", "Krusty's Krab", "City", "C:\\temp"))
                        .build()))
        .extracting("status")
        .isEqualTo(300);
  }

  @Test
  void numbersAndBooleansMatchUnquoted() {
    String id = org().createRecord("Account", map("Name", "Big", "NumberOfEmployees", 250));
    ActionResult result =
        executor.execute(
            ActionRequest.builder(ActionType.ACCOUNT)
                .operation("update")
                .field("Phone", "1")
                .recordMatchers(map("NumberOfEmployees", 250, "IsDeleted", false))
                .recordMatchersOperator("AND")
                .build());
    assertThat(result.recordId()).isEqualTo(id);
    assertThat(TestOrg.soql(TestOrg.dataRequests(org()).get(0)))
        .isEqualTo("SELECT Id FROM Account WHERE NumberOfEmployees = 250 AND IsDeleted = false");
  }

  @Test
  void invalidOperatorAndUnsupportedMatcherTypesFailBeforeAnyCall() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("update")
                        .recordMatchers(Map.of("Email", "a@x.io"))
                        .recordMatchersOperator("NOT")
                        .build()))
        .hasMessage("Invalid SOQL operator - NOT")
        .extracting("status")
        .isEqualTo(400);
    Map<String, Object> nullMatcher = new HashMap<>();
    nullMatcher.put("Email", null);
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("delete")
                        .recordMatchers(nullMatcher)
                        .build()))
        .hasMessage("Unsupported datatype for record matcher traits - object");
    assertThat(org().stats().totalApiCalls()).isZero();
  }

  @Test
  void requiredFieldsAreCheckedForCreateAndUpsertOnlyWithoutACall() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("create")
                        .field("LastName", "")
                        .field("Company", "Acme")
                        .build()))
        .hasMessage("Missing last_name value");
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.ACCOUNT)
                        .syncMode("upsert")
                        .recordMatchers(Map.of("Name", "x"))
                        .build()))
        .hasMessage("Missing name value");
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.OPPORTUNITY)
                        .syncMode("add")
                        .field("Name", "D")
                        .field("StageName", "Prospecting")
                        .build()))
        .hasMessage("Missing close_date, name or stage_name value");
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.CONTACT).operation("create").build()))
        .hasMessage("Missing last_name value");
    assertThat(org().stats().totalApiCalls()).isZero();
  }

  @Test
  void customObjectNeedsItsObjectNameAndOtherFields() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.CUSTOM_OBJECT)
                        .syncMode("add")
                        .otherFields(Map.of("Status__c", "x"))
                        .build()))
        .hasMessageStartingWith("Missing sobject value");
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.CUSTOM_OBJECT)
                        .sobject("Invoice__c")
                        .syncMode("update")
                        .recordMatchers(Map.of("Ext__c", "1"))
                        .build()))
        .hasMessage("Custom fields are required for this operation.")
        .extracting("code")
        .isEqualTo("PAYLOAD_VALIDATION_FAILED");
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.CUSTOM_OBJECT).sobject("Invoice__c").build()))
        .hasMessageStartingWith("Missing operation or syncMode value");
    assertThat(org().stats().totalApiCalls()).isZero();
  }

  @Test
  void salesforceValidationErrorsAreBusinessRejectionsWithTheirErrorCode() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("create")
                        .field("LastName", "NoCompany")
                        .build()))
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.salesforceErrorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
              assertThat(e.getMessage()).contains("Company");
            });
  }

  @Test
  void updateOfAMissingIdIsA404() {
    assertThatThrownBy(
            () ->
                executor.execute(
                    ActionRequest.builder(ActionType.LEAD)
                        .operation("update")
                        .field("City", "x")
                        .recordMatchers(Map.of("Id", "00Q000000000000"))
                        .build()))
        .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void apiCallsAreCountedPerActionEvenWhenThreadsShareTheClient() throws Exception {
    java.util.concurrent.ExecutorService pool =
        java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      List<java.util.concurrent.Future<ActionResult>> results = new java.util.ArrayList<>();
      for (int i = 0; i < 12; i++) {
        String name = "T" + i;
        results.add(
            pool.submit(
                () ->
                    executor.execute(
                        ActionRequest.builder(ActionType.LEAD)
                            .operation("upsert")
                            .field("LastName", name)
                            .field("Company", "Acme")
                            .recordMatchers(Map.of("LastName", name))
                            .build())));
      }
      for (java.util.concurrent.Future<ActionResult> result : results) {
        assertThat(result.get(30, java.util.concurrent.TimeUnit.SECONDS).apiCalls()).isEqualTo(2);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(org().stats().totalApiCalls()).isEqualTo(24);
  }

  private static String json(Map<String, Object> body) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(body);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The body the reference would send, spelled out independently of RecordBody. */
  private static final class RecordBodyOrder {
    static Map<String, Object> expected(
        ActionType type, Map<String, Object> fields, Map<String, Object> other) {
      Map<String, Object> body = new LinkedHashMap<>();
      for (StandardField f : type.standardFields()) {
        if (fields.containsKey(f.name())) {
          body.put(f.name(), fields.get(f.name()));
        }
      }
      body.putAll(other);
      return body;
    }
  }
}
