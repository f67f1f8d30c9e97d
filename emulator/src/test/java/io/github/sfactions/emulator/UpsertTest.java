package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class UpsertTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  @Test
  void upsertCreatesWith201ThenUpdatesWith200() {
    SfHttp.Res created =
        http.patch(V + "/sobjects/Lead/Ext__c/E-1", map("LastName", "Doe", "Company", "Acme"));
    assertThat(created.status()).isEqualTo(201);
    JsonNode body = created.json();
    String id = body.get("id").asText();
    assertThat(body.get("created").asBoolean()).isTrue();
    assertThat(body.get("success").asBoolean()).isTrue();
    assertThat(emulator.get().record("Lead", id).orElseThrow().get("Ext__c")).isEqualTo("E-1");

    SfHttp.Res updated = http.patch(V + "/sobjects/lead/ext__c/e-1", map("Company", "Beta"));
    assertThat(updated.status()).isEqualTo(200);
    assertThat(updated.json().get("id").asText()).isEqualTo(id);
    assertThat(updated.json().get("created").asBoolean()).isFalse();
    assertThat(emulator.get().record("Lead", id).orElseThrow().get("Company")).isEqualTo("Beta");
    assertThat(emulator.get().records("Lead")).hasSize(1);
  }

  @Test
  void upsertCreateStillValidatesRequiredFields() {
    SfHttp.Res r = http.patch(V + "/sobjects/Lead/Ext__c/E-2", map("LastName", "Doe"));
    assertThat(r.status()).isEqualTo(400);
    assertThat(r.errorCode()).isEqualTo("REQUIRED_FIELD_MISSING");
  }

  @Test
  void severalMatchesGive300WithRecordUrls() {
    String a = emulator.get().createRecord("Case", map("Ticket__c", "T-1"));
    String b = emulator.get().createRecord("Case", map("Ticket__c", "t-1"));
    SfHttp.Res r = http.patch(V + "/sobjects/Case/Ticket__c/T-1", map("Subject", "x"));
    assertThat(r.status()).isEqualTo(300);
    assertThat(r.json().get(0).isTextual()).isTrue();
    assertThat(r.text()).contains(V + "/sobjects/Case/" + a).contains(V + "/sobjects/Case/" + b);
    assertThat(http.get(V + "/sobjects/Case/Ticket__c/T-1").status()).isEqualTo(300);
  }

  @Test
  void fieldThatIsNotAnExternalIdGives404() {
    SfHttp.Res r = http.patch(V + "/sobjects/Case/Subject/x", map("Origin", "Web"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
    assertThat(r.json().get(0).get("message").asText())
        .isEqualTo("Provided external ID field does not exist or is not accessible: Subject");
    assertThat(http.patch(V + "/sobjects/Case/Nope__c/x", map()).status()).isEqualTo(404);
  }

  @Test
  void externalIdValueIsUrlDecoded() {
    SfHttp.Res r = http.patch(V + "/sobjects/Foo__c/Ext__c/a%20b%2Fc", map("Count__c", 1));
    assertThat(r.status()).isEqualTo(201);
    assertThat(
            emulator
                .get()
                .record("Foo__c", r.json().get("id").asText())
                .orElseThrow()
                .get("Ext__c"))
        .isEqualTo("a b/c");
  }

  @Test
  void getAndDeleteByExternalId() {
    String id = emulator.get().createRecord("Foo__c", map("Ext__c", "K1"));
    assertThat(http.get(V + "/sobjects/Foo__c/Ext__c/K1").json().get("Id").asText()).isEqualTo(id);
    assertThat(http.delete(V + "/sobjects/Foo__c/Ext__c/k1").status()).isEqualTo(204);
    assertThat(http.get(V + "/sobjects/Foo__c/Ext__c/K1").status()).isEqualTo(404);
  }

  @Test
  void updateOnlyRefusesToCreate() {
    SfHttp.Res r = http.patch(V + "/sobjects/Foo__c/Ext__c/U1?updateOnly=true", map("Count__c", 1));
    assertThat(r.status()).isEqualTo(404);
    assertThat(emulator.get().records("Foo__c")).isEmpty();
    emulator.get().createRecord("Foo__c", map("Ext__c", "U1"));
    assertThat(
            http.patch(V + "/sobjects/Foo__c/Ext__c/U1?updateOnly=true", map("Count__c", 2))
                .status())
        .isEqualTo(200);
  }

  @Test
  void methodOverrideUpsertWorksForHttpUrlConnectionClients() {
    SfHttp.Res r =
        http.post(V + "/sobjects/Foo__c/Ext__c/M1?_HttpMethod=PATCH", map("Count__c", 3));
    assertThat(r.status()).isEqualTo(201);
  }
}
