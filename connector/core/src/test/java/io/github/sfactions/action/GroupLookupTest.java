package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.client.SalesforceApiException;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group's matcher lookups in shared queries over real HTTP, compared with single lookups. */
class GroupLookupTest {

  @RegisterExtension static final EmulatorExtension EMULATOR = TestOrg.extension();

  private static SalesforceClient client;

  @BeforeAll
  static void connect() {
    client = SalesforceClient.create(TestOrg.settings(EMULATOR.get()));
  }

  @AfterAll
  static void disconnect() {
    client.close();
  }

  private SalesforceEmulator org() {
    return EMULATOR.get();
  }

  @BeforeEach
  void leads() {
    lead("Ann", "ann@group.example", "111");
    lead("Bob", "bob@group.example", "222");
    lead("Bob twin", "BOB@group.example", "333");
    lead("Cy", "cy@group.example", "222");
  }

  @Test
  void aGroupOfLookupsIsOneQueryAndEachGetsWhatItsOwnLookupWouldAnswer() {
    List<GroupLookup.Request> requests =
        List.of(
            email("ANN@group.example"),
            email("bob@group.example"),
            email("nobody@group.example"),
            email("ann@group.example"));

    List<GroupLookup.Found> found = lookupCountingQueries(requests, 1);

    assertThat(found).extracting(f -> f.result().matchCount()).containsExactly(1, 2, 0, 1);
    assertSameAsSingleLookups(requests, found);
  }

  @Test
  void orAndAndShapesGetAQueryEachAndKeepTheirSemantics() {
    List<GroupLookup.Request> requests =
        List.of(
            new GroupLookup.Request(both("ann@group.example", "222"), "OR"),
            new GroupLookup.Request(both("cy@group.example", "222"), "AND"),
            new GroupLookup.Request(both("ann@group.example", "222"), "AND"),
            new GroupLookup.Request(both("bob@group.example", "333"), null));

    List<GroupLookup.Found> found = lookupCountingQueries(requests, 2);

    // OR: Ann by e-mail, Bob and Cy by phone; AND: only Cy has both; Ann has not 222
    assertThat(found).extracting(f -> f.result().matchCount()).containsExactly(3, 1, 0, 2);
    assertSameAsSingleLookups(requests, found);
  }

  @Test
  void aLargeGroupIsSplitIntoQueriesThatFitARequestLine() {
    List<GroupLookup.Request> requests = new ArrayList<>();
    for (int i = 0; i < 600; i++) {
      requests.add(email("someone-with-a-rather-long-address-" + i + "@group.example"));
    }
    requests.add(email("cy@group.example"));

    List<GroupLookup.Found> found = new GroupLookup(client).find("Lead", requests);

    List<RecordedRequest> queries = queries();
    assertThat(queries).hasSizeBetween(2, 6);
    assertThat(queries).allSatisfy(q -> assertThat(q.query().length()).isLessThanOrEqualTo(16_000));
    assertThat(found.subList(0, 600)).allSatisfy(f -> assertThat(f.result().matchCount()).isZero());
    assertThat(found.get(600).result().matchCount()).isOne();
  }

  @Test
  void aValueItsFieldRefusesFailsOnlyItsOwnLookupWithTheSingleLookupsError() {
    Map<String, Object> badNumber = new LinkedHashMap<>();
    badNumber.put("NumberOfEmployees", "many");
    List<GroupLookup.Request> requests =
        List.of(
            new GroupLookup.Request(badNumber, null),
            new GroupLookup.Request(Map.of("NumberOfEmployees", 12), null));

    List<GroupLookup.Found> found = new GroupLookup(client).find("Lead", requests);

    assertThat(found.get(0).result()).isNull();
    assertThat(found.get(0).failure())
        .isInstanceOfSatisfying(
            SalesforceApiException.class,
            e -> assertThat(e.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR"));
    assertThat(found.get(1).failure()).isNull();
    assertThat(found.get(1).result().matchCount()).isZero();
  }

  @Test
  void anInvalidOperatorOrFieldIsRejectedForItsRecordAloneBeforeAnyQuery() {
    List<GroupLookup.Request> requests =
        List.of(
            new GroupLookup.Request(Map.of("Email", "ann@group.example"), "XOR"),
            new GroupLookup.Request(Map.of("Bad Field", "x"), null),
            email("ann@group.example"));

    List<GroupLookup.Found> found = lookupCountingQueries(requests, 1);

    assertThat(found.get(0).failure()).hasMessage("Invalid SOQL operator - XOR");
    assertThat(((ActionException) found.get(1).failure()).status()).isEqualTo(400);
    assertThat(found.get(2).result().matchCount()).isOne();
  }

  private List<GroupLookup.Found> lookupCountingQueries(
      List<GroupLookup.Request> requests, int queries) {
    int before = queries().size();
    List<GroupLookup.Found> found = new GroupLookup(client).find("Lead", requests);
    assertThat(queries().size() - before).isEqualTo(queries);
    return found;
  }

  private void assertSameAsSingleLookups(
      List<GroupLookup.Request> requests, List<GroupLookup.Found> found) {
    RecordLookup single = new RecordLookup(client);
    for (int i = 0; i < requests.size(); i++) {
      LookupResult alone =
          single.find(
              "Lead",
              requests.get(i).matchers(),
              requests.get(i).operator(),
              RecordLookup.LOOKUP_PAGE);
      assertThat(found.get(i).result().matchCount()).isEqualTo(alone.matchCount());
      assertThat(found.get(i).result().recordIds())
          .containsExactlyInAnyOrderElementsOf(alone.recordIds());
    }
  }

  private List<RecordedRequest> queries() {
    return org().requests().stream().filter(r -> r.path().contains("/query")).toList();
  }

  private static GroupLookup.Request email(String email) {
    return new GroupLookup.Request(Map.of("Email", email), null);
  }

  private static Map<String, Object> both(String email, String phone) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("Email", email);
    m.put("Phone", phone);
    return m;
  }

  private void lead(String name, String email, String phone) {
    org()
        .createRecord(
            "Lead", Map.of("LastName", name, "Company", "G", "Email", email, "Phone", phone));
  }
}
