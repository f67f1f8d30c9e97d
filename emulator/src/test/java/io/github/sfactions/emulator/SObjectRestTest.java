package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class SObjectRestTest {
  @RegisterExtension
  static EmulatorExtension emulator = new EmulatorExtension(TestOrgs::withCustomObjects);

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  @Test
  void versionsListNeedsNoAuthAndIsNotCounted() {
    SfHttp.Res r = new SfHttp(emulator.get()).get("/services/data/");
    assertThat(r.status()).isEqualTo(200);
    assertThat(r.json().get(0).get("version").asText()).isEqualTo("50.0");
    assertThat(r.json().get(r.json().size() - 1).get("url").asText())
        .isEqualTo("/services/data/v65.0");
    assertThat(r.header("Sforce-Limit-Info")).isNull();
    assertThat(emulator.get().stats().totalApiCalls()).isZero();
  }

  @Test
  void unsupportedVersionIs404() {
    assertThat(http.get("/services/data/v49.0/sobjects").status()).isEqualTo(404);
    assertThat(http.get("/services/data/v66.0/sobjects").errorCode()).isEqualTo("NOT_FOUND");
    assertThat(http.get("/services/data/v50.0/sobjects").status()).isEqualTo(200);
  }

  @Test
  void resourcesAndLimitsCarryTheLimitHeader() {
    SfHttp.Res res = http.get(V + "/");
    assertThat(res.json().get("sobjects").asText()).isEqualTo(V + "/sobjects");
    SfHttp.Res limits = http.get(V + "/limits");
    assertThat(limits.json().get("DailyApiRequests").get("Max").asLong()).isEqualTo(15000);
    assertThat(limits.header("Sforce-Limit-Info")).isEqualTo("api-usage=2/15000");
  }

  @Test
  void createReturns201WithLocationAndRecordIsReadable() {
    SfHttp.Res r =
        http.post(
            V + "/sobjects/Lead", map("LastName", "Doe", "Company", "Acme", "Email", "j@d.io"));
    assertThat(r.status()).isEqualTo(201);
    String id = r.json().get("id").asText();
    assertThat(id).hasSize(18).startsWith("00Q");
    assertThat(r.json().get("success").asBoolean()).isTrue();
    assertThat(r.json().get("errors")).isEmpty();
    assertThat(r.header("Location")).isEqualTo(V + "/sobjects/Lead/" + id);
    JsonNode rec = http.get(V + "/sobjects/Lead/" + id).json();
    assertThat(rec.get("attributes").get("type").asText()).isEqualTo("Lead");
    assertThat(rec.get("LastName").asText()).isEqualTo("Doe");
    assertThat(rec.get("Status").asText()).isEqualTo("Open - Not Contacted");
    assertThat(rec.get("Name").asText()).isEqualTo("Doe");
    assertThat(rec.get("CreatedDate").asText())
        .matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}\\+0000");
    assertThat(rec.get("IsDeleted").asBoolean()).isFalse();
    assertThat(rec.get("CreatedById").asText()).startsWith("005");
    JsonNode some =
        http.get(V + "/sobjects/Lead/" + id.substring(0, 15) + "?fields=Company,email").json();
    assertThat(some.get("Company").asText()).isEqualTo("Acme");
    assertThat(some.has("Email")).isTrue();
    assertThat(some.has("LastName")).isFalse();
  }

  @Test
  void updateReturns204AndNullClearsAField() {
    String id = emulator.get().createRecord("Account", map("Name", "Acme", "Phone", "123"));
    SfHttp.Res r =
        http.patch(V + "/sobjects/Account/" + id, map("Phone", null, "NumberOfEmployees", 42));
    assertThat(r.status()).isEqualTo(204);
    Map<String, Object> rec = emulator.get().record("Account", id).orElseThrow();
    assertThat(rec.get("Phone")).isNull();
    assertThat(rec.get("NumberOfEmployees")).isEqualTo(new java.math.BigDecimal(42));
  }

  @Test
  void deleteThenSecondDeleteAndUpdateAreEntityIsDeleted() {
    String id = emulator.get().createRecord("Case", map("Subject", "x"));
    assertThat(http.delete(V + "/sobjects/Case/" + id).status()).isEqualTo(204);
    SfHttp.Res again = http.delete(V + "/sobjects/Case/" + id);
    assertThat(again.status()).isEqualTo(404);
    assertThat(again.errorCode()).isEqualTo("ENTITY_IS_DELETED");
    assertThat(http.patch(V + "/sobjects/Case/" + id, map("Subject", "y")).errorCode())
        .isEqualTo("ENTITY_IS_DELETED");
    assertThat(emulator.get().record("Case", id)).isEmpty();
  }

  @Test
  void missingRecordIs404NotFoundAndWrongPrefixIsMalformedId() {
    assertThat(http.get(V + "/sobjects/Case/500Dn0000099999AAA").status()).isEqualTo(404);
    assertThat(http.patch(V + "/sobjects/Case/500Dn0000099999", map("Subject", "x")).errorCode())
        .isEqualTo("NOT_FOUND");
    SfHttp.Res wrong = http.patch(V + "/sobjects/Case/001Dn0000099999", map("Subject", "x"));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.errorCode()).isEqualTo("MALFORMED_ID");
    assertThat(http.patch(V + "/sobjects/Case/notAnId", map("Subject", "x")).errorCode())
        .isEqualTo("MALFORMED_ID");
  }

  @Test
  void unknownObjectIs404NotFound() {
    SfHttp.Res r = http.post(V + "/sobjects/Nope__c", map("Name", "x"));
    assertThat(r.status()).isEqualTo(404);
    assertThat(r.errorCode()).isEqualTo("NOT_FOUND");
  }

  @Test
  void methodOverrideAndTrailingSlashAreHonoured() {
    String id = emulator.get().createRecord("Case", map("Subject", "x"));
    SfHttp.Res patch =
        http.post(V + "/sobjects/Case/" + id + "/?_HttpMethod=PATCH", map("Subject", "y"));
    assertThat(patch.status()).isEqualTo(204);
    assertThat(emulator.get().record("Case", id).orElseThrow().get("Subject")).isEqualTo("y");
    SfHttp.Res del = http.post(V + "/sobjects/Case/" + id + "?_HttpMethod=DELETE", "");
    assertThat(del.status()).isEqualTo(204);
    assertThat(http.get(V + "/sobjects/").status()).isEqualTo(200);
  }

  @Test
  void wrongMethodIs405WithErrorArray() {
    SfHttp.Res r = http.method("PUT", V + "/sobjects/Case", map("Subject", "x"));
    assertThat(r.status()).isEqualTo(405);
    assertThat(r.errorCode()).isEqualTo("METHOD_NOT_ALLOWED");
    assertThat(r.header("Allow")).contains("POST");
  }

  @Test
  void describeGlobalListsStandardAndCustomObjects() {
    JsonNode r = http.get(V + "/sobjects").json();
    assertThat(r.get("maxBatchSize").asInt()).isEqualTo(200);
    List<String> names = r.get("sobjects").findValuesAsText("name");
    assertThat(names).contains("Lead", "Account", "Contact", "Opportunity", "Case", "Foo__c");
    JsonNode foo = r.get("sobjects").get(names.indexOf("Foo__c"));
    assertThat(foo.get("keyPrefix").asText()).isEqualTo("a00");
    assertThat(foo.get("custom").asBoolean()).isTrue();
  }

  @Test
  void describeObjectReportsFieldProperties() {
    JsonNode d = http.get(V + "/sobjects/case/describe").json();
    assertThat(d.get("name").asText()).isEqualTo("Case");
    Map<String, JsonNode> fields = new java.util.HashMap<>();
    d.get("fields").forEach(f -> fields.put(f.get("name").asText(), f));
    JsonNode desc = fields.get("Description");
    assertThat(desc.get("type").asText()).isEqualTo("textarea");
    assertThat(desc.get("length").asInt()).isEqualTo(32000);
    assertThat(desc.get("filterable").asBoolean()).isFalse();
    JsonNode ticket = fields.get("Ticket__c");
    assertThat(ticket.get("externalId").asBoolean()).isTrue();
    assertThat(ticket.get("unique").asBoolean()).isFalse();
    assertThat(ticket.get("custom").asBoolean()).isTrue();
    JsonNode created = fields.get("CreatedDate");
    assertThat(created.get("createable").asBoolean()).isFalse();
    assertThat(created.get("updateable").asBoolean()).isFalse();
    JsonNode status = fields.get("Status");
    assertThat(status.get("defaultedOnCreate").asBoolean()).isTrue();
    assertThat(status.get("picklistValues").findValuesAsText("value")).contains("New", "Closed");
    JsonNode account = fields.get("AccountId");
    assertThat(account.get("referenceTo").get(0).asText()).isEqualTo("Account");
    for (String prop :
        List.of(
            "name",
            "label",
            "type",
            "length",
            "nillable",
            "createable",
            "updateable",
            "filterable",
            "sortable",
            "externalId",
            "unique",
            "idLookup",
            "caseSensitive",
            "defaultedOnCreate",
            "custom",
            "referenceTo",
            "picklistValues")) {
      assertThat(desc.has(prop)).as(prop).isTrue();
    }
    String lastModified = http.get(V + "/sobjects/Case/describe").header("Last-Modified");
    SfHttp.Res notModified =
        http.get(V + "/sobjects/Case/describe", Map.of("If-Modified-Since", lastModified));
    assertThat(notModified.status()).isEqualTo(304);
    assertThat(http.get(V + "/sobjects/Nope/describe").status()).isEqualTo(404);
  }

  @Test
  void leadDescribeMakesLastNameAndCompanyRequired() {
    JsonNode d = http.get(V + "/sobjects/Lead/describe").json();
    List<String> required = new java.util.ArrayList<>();
    d.get("fields")
        .forEach(
            f -> {
              if (f.get("createable").asBoolean()
                  && !f.get("nillable").asBoolean()
                  && !f.get("defaultedOnCreate").asBoolean()) {
                required.add(f.get("name").asText());
              }
            });
    assertThat(required).containsExactlyInAnyOrder("LastName", "Company");
  }

  @Test
  void fifteenCharIdsAreAcceptedEverywhere() {
    String id = emulator.get().createRecord("Account", map("Name", "Acme"));
    String id15 = id.substring(0, 15);
    assertThat(http.get(V + "/sobjects/Account/" + id15).json().get("Id").asText()).isEqualTo(id);
    assertThat(http.patch(V + "/sobjects/Account/" + id15, map("Name", "B")).status())
        .isEqualTo(204);
    assertThat(emulator.get().record("Account", id15)).isPresent();
    SfHttp.Res contact =
        http.post(V + "/sobjects/Contact", map("LastName", "X", "AccountId", id15));
    assertThat(contact.status()).isEqualTo(201);
    assertThat(
            emulator
                .get()
                .record("Contact", contact.json().get("id").asText())
                .orElseThrow()
                .get("AccountId"))
        .isEqualTo(id);
    assertThat(http.get(V + "/sobjects/Account/" + id.toLowerCase()).status()).isEqualTo(200);
  }

  @Test
  void anyCaseObjectAndFieldNamesAreAccepted() {
    SfHttp.Res r = http.post(V + "/sobjects/lead", map("lastname", "Low", "COMPANY", "Acme"));
    assertThat(r.status()).isEqualTo(201);
    Map<String, Object> rec =
        emulator.get().record("Lead", r.json().get("id").asText()).orElseThrow();
    assertThat(rec.get("LastName")).isEqualTo("Low");
    assertThat(rec.get("Company")).isEqualTo("Acme");
  }

  @Test
  void requestsWithoutBearerOnLoginHostAre404NotLeaked() {
    SfHttp.Res r =
        http.send(HttpRequest.newBuilder(URI.create(emulator.get().loginUrl() + "/nothing")).GET());
    assertThat(r.status()).isEqualTo(404);
  }
}
