package io.github.sfactions.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.action.GroupWriter.Kind;
import io.github.sfactions.action.GroupWriter.Write;
import io.github.sfactions.action.GroupWriter.Written;
import io.github.sfactions.client.SalesforceClient;
import io.github.sfactions.emulator.EmulatorExtension;
import io.github.sfactions.emulator.SalesforceEmulator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A group's writes through sObject Collections over real HTTP: one call per kind and round. */
class GroupWriterTest {

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

  @Test
  void everyKindOfWriteGoesInOneCallAndEachRecordGetsItsOwnOutcome() {
    String kept = lead("Kept", "E-1");
    String gone = lead("Gone", "E-2");
    String byExt = lead("By Ext", "E-4");

    List<Written> written =
        new GroupWriter(client)
            .write(
                "Lead",
                List.of(
                    create("New one"),
                    new Write(Kind.UPDATE, kept, null, Map.of("LastName", "Kept, updated")),
                    new Write(Kind.DELETE, gone, null, null),
                    upsert("E-4", "By Ext, updated"),
                    upsert("E-3", "New by Ext"),
                    create("New two")));

    assertThat(written)
        .extracting(Written::outcome)
        .containsExactly(
            Outcome.CREATED,
            Outcome.UPDATED,
            Outcome.DELETED,
            Outcome.UPDATED,
            Outcome.CREATED,
            Outcome.CREATED);
    assertThat(written).allSatisfy(w -> assertThat(w.failure()).isNull());
    assertThat(written.get(3).recordId()).isEqualTo(byExt);
    assertThat(org().record("Lead", kept).orElseThrow()).containsEntry("LastName", "Kept, updated");
    assertThat(org().record("Lead", byExt).orElseThrow())
        .containsEntry("LastName", "By Ext, updated");
    assertThat(org().record("Lead", gone)).isEmpty();
    assertThat(dataCalls())
        .containsExactly(
            "POST /composite/sobjects",
            "PATCH /composite/sobjects",
            "DELETE /composite/sobjects",
            "PATCH /composite/sobjects/Lead/Ext__c");
  }

  @Test
  void aRejectedOrMissingRecordFailsAloneWithTheSingleWritesOutcome() {
    String missing = lead("Missing", "E-9");
    new GroupWriter(client).write("Lead", List.of(new Write(Kind.DELETE, missing, null, null)));

    List<Written> written =
        new GroupWriter(client)
            .write(
                "Lead",
                List.of(
                    new Write(Kind.CREATE, null, null, Map.of("Company", "No name Inc")),
                    create("Fine"),
                    new Write(Kind.UPDATE, missing, null, Map.of("LastName", "Too late"))));

    assertThat(written.get(0).failure())
        .isInstanceOfSatisfying(
            ActionException.class,
            e -> {
              assertThat(e.status()).isEqualTo(400);
              assertThat(e.salesforceErrorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
            });
    assertThat(written.get(1).outcome()).isEqualTo(Outcome.CREATED);
    assertThat(written.get(2).failure())
        .isInstanceOfSatisfying(ActionException.class, e -> assertThat(e.status()).isEqualTo(404));
  }

  @Test
  void writesOfOneRecordKeepTheirOrderAcrossRounds() {
    String id = lead("First", "E-5");

    List<Written> written =
        new GroupWriter(client)
            .write(
                "Lead",
                List.of(
                    new Write(Kind.UPDATE, id, null, Map.of("LastName", "Second")),
                    upsert("E-5", "Third"),
                    new Write(Kind.UPDATE, id, null, Map.of("LastName", "Fourth"))));

    assertThat(written).allSatisfy(w -> assertThat(w.outcome()).isEqualTo(Outcome.UPDATED));
    assertThat(org().record("Lead", id).orElseThrow()).containsEntry("LastName", "Fourth");
    assertThat(dataCalls()).hasSize(3);
  }

  @Test
  void moreRecordsThanACallTakesGoInSeveralCalls() {
    List<Write> creates = new ArrayList<>();
    for (int i = 0; i < 450; i++) {
      creates.add(create("Many " + i));
    }

    List<Written> written = new GroupWriter(client).write("Lead", creates);

    assertThat(written).allSatisfy(w -> assertThat(w.outcome()).isEqualTo(Outcome.CREATED));
    assertThat(written).extracting(Written::recordId).doesNotHaveDuplicates();
    assertThat(dataCalls()).hasSize(3);
    assertThat(org().records("Lead")).hasSize(450);
  }

  private static Write create(String lastName) {
    return new Write(Kind.CREATE, null, null, Map.of("LastName", lastName, "Company", "G"));
  }

  private static Write upsert(String ext, String lastName) {
    return new Write(
        Kind.UPSERT, null, "Ext__c", Map.of("Ext__c", ext, "LastName", lastName, "Company", "G"));
  }

  private String lead(String lastName, String ext) {
    return org().createRecord("Lead", Map.of("LastName", lastName, "Company", "G", "Ext__c", ext));
  }

  private List<String> dataCalls() {
    return org().requests().stream()
        .filter(r -> r.path().contains("/composite/"))
        .map(r -> r.method() + " " + r.path().substring(r.path().indexOf("/composite/")))
        .toList();
  }
}
