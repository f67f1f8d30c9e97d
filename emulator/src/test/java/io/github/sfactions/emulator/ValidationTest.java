package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class ValidationTest {
  @RegisterExtension
  static EmulatorExtension emulator =
      new EmulatorExtension(
          () ->
              TestOrgs.withCustomObjects()
                  .config(
                      TestOrgs.withCustomObjects()
                          .effectiveConfig()
                          .withMaxRequestBodyBytes(64 * 1024)));

  SfHttp http;

  @BeforeEach
  void login() {
    http = new SfHttp(emulator.get()).login();
  }

  private JsonNode error(SfHttp.Res r, int status) {
    assertThat(r.status()).as(r.text()).isEqualTo(status);
    return r.json().get(0);
  }

  @Test
  void missingRequiredFieldsAreListed() {
    JsonNode e = error(http.post(V + "/sobjects/Lead", map("FirstName", "x")), 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
    assertThat(e.get("message").asText())
        .isEqualTo("Required fields are missing: [LastName, Company]");
    assertThat(e.get("fields").toString()).isEqualTo("[\"LastName\",\"Company\"]");
    JsonNode opp = error(http.post(V + "/sobjects/Opportunity", map("Name", "Deal")), 400);
    assertThat(opp.get("message").asText())
        .isEqualTo("Required fields are missing: [StageName, CloseDate]");
    assertThat(http.post(V + "/sobjects/Case", map()).status()).isEqualTo(201);
  }

  @Test
  void settingARequiredFieldToNullOnUpdateFails() {
    String id = emulator.get().createRecord("Account", map("Name", "Acme"));
    JsonNode e = error(http.patch(V + "/sobjects/Account/" + id, map("Name", null)), 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("REQUIRED_FIELD_MISSING");
  }

  @Test
  void unknownFieldIsInvalidField() {
    JsonNode e = error(http.post(V + "/sobjects/Case", map("Bogus__c", "x")), 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("INVALID_FIELD");
    assertThat(e.get("message").asText())
        .isEqualTo("No such column 'Bogus__c' on sobject of type Case");
  }

  @Test
  void readOnlyFieldsAreInvalidForInsertUpdate() {
    JsonNode e =
        error(
            http.post(
                V + "/sobjects/Case",
                map("Subject", "x", "CreatedDate", "2024-01-01T00:00:00.000+0000")),
            400);
    assertThat(e.get("errorCode").asText()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    assertThat(e.get("message").asText())
        .startsWith("Unable to create/update fields: CreatedDate.");
    JsonNode id = error(http.post(V + "/sobjects/Case", map("Id", "500Dn0000000001AAA")), 400);
    assertThat(id.get("errorCode").asText()).isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
    String caseId = emulator.get().createRecord("Case", map("Subject", "x"));
    assertThat(
            error(http.patch(V + "/sobjects/Case/" + caseId, map("CaseNumber", "1")), 400)
                .get("errorCode")
                .asText())
        .isEqualTo("INVALID_FIELD_FOR_INSERT_UPDATE");
  }

  @Test
  void tooLongTextIsStringTooLong() {
    JsonNode e = error(http.post(V + "/sobjects/Case", map("Subject", "x".repeat(256))), 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("STRING_TOO_LONG");
    assertThat(e.get("message").asText())
        .startsWith("Subject: data value too large: ")
        .endsWith("(max length=255)");
    assertThat(e.get("fields").get(0).asText()).isEqualTo("Subject");
    assertThat(http.post(V + "/sobjects/Case", map("Description", "y".repeat(32000))).status())
        .isEqualTo(201);
  }

  @Test
  void wrongJsonTypesAreJsonParserErrors() {
    assertThat(
            error(
                    http.post(
                        V + "/sobjects/Account", map("Name", "A", "NumberOfEmployees", "many")),
                    400)
                .get("errorCode")
                .asText())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(
            error(
                    http.post(
                        V + "/sobjects/Opportunity",
                        map("Name", "A", "StageName", "Prospecting", "CloseDate", "31/12/2024")),
                    400)
                .get("errorCode")
                .asText())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(
            error(http.post(V + "/sobjects/Foo__c", map("Active__c", "maybe")), 400)
                .get("errorCode")
                .asText())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(
            error(http.post(V + "/sobjects/Foo__c", map("Count__c", 1.5)), 400)
                .get("errorCode")
                .asText())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(
            error(http.post(V + "/sobjects/Case", map("Subject", Map.of("a", 1))), 400)
                .get("errorCode")
                .asText())
        .isEqualTo("JSON_PARSER_ERROR");
  }

  @Test
  void typedValuesAreStoredInCanonicalForm() {
    SfHttp.Res r =
        http.post(
            V + "/sobjects/Foo__c",
            map(
                "Amount__c",
                10.5,
                "Count__c",
                "7",
                "Active__c",
                true,
                "When__c",
                "2024-05-01T12:34:56Z"));
    assertThat(r.status()).isEqualTo(201);
    Map<String, Object> rec =
        emulator.get().record("Foo__c", r.json().get("id").asText()).orElseThrow();
    assertThat(rec.get("Amount__c")).isEqualTo(new java.math.BigDecimal("10.5"));
    assertThat(rec.get("Count__c")).isEqualTo(new java.math.BigDecimal("7"));
    assertThat(rec.get("Active__c")).isEqualTo(Boolean.TRUE);
    assertThat(rec.get("When__c")).isEqualTo("2024-05-01T12:34:56.000+0000");
    assertThat(rec.get("Name")).isEqualTo(rec.get("Id"));
    http.patch(V + "/sobjects/Foo__c/" + rec.get("Id"), map("Active__c", null));
    assertThat(
            emulator.get().record("Foo__c", (String) rec.get("Id")).orElseThrow().get("Active__c"))
        .isEqualTo(Boolean.FALSE);
  }

  @Test
  void malformedJsonIsJsonParserError() {
    JsonNode e = error(http.post(V + "/sobjects/Case", "{\"Subject\": "), 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("JSON_PARSER_ERROR");
    assertThat(error(http.post(V + "/sobjects/Case", "[1,2]"), 400).get("errorCode").asText())
        .isEqualTo("JSON_PARSER_ERROR");
    assertThat(error(http.post(V + "/sobjects/Case", ""), 400).get("errorCode").asText())
        .isEqualTo("JSON_PARSER_ERROR");
  }

  @Test
  void referencesMustBeWellFormedOfTheRightTypeAndExist() {
    assertThat(
            error(
                    http.post(
                        V + "/sobjects/Contact", map("LastName", "X", "AccountId", "garbage")),
                    400)
                .get("errorCode")
                .asText())
        .isEqualTo("MALFORMED_ID");
    String caseId = emulator.get().createRecord("Case", map());
    assertThat(
            error(
                    http.post(V + "/sobjects/Contact", map("LastName", "X", "AccountId", caseId)),
                    400)
                .get("errorCode")
                .asText())
        .isEqualTo("FIELD_INTEGRITY_EXCEPTION");
    assertThat(
            error(
                    http.post(
                        V + "/sobjects/Contact",
                        map("LastName", "X", "AccountId", "001Dn0000099999AAA")),
                    400)
                .get("errorCode")
                .asText())
        .isEqualTo("INVALID_CROSS_REFERENCE_KEY");
  }

  @Test
  void restrictedPicklistRejectsUnknownValues() {
    JsonNode e = error(http.post(V + "/sobjects/Foo__c", map("Level__c", "Medium")), 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST");
    assertThat(http.post(V + "/sobjects/Foo__c", map("Level__c", "High")).status()).isEqualTo(201);
  }

  @Test
  void invalidEmailIsRejected() {
    assertThat(
            error(
                    http.post(
                        V + "/sobjects/Lead",
                        map("LastName", "A", "Company", "B", "Email", "nope")),
                    400)
                .get("errorCode")
                .asText())
        .isEqualTo("INVALID_EMAIL_ADDRESS");
  }

  @Test
  void uniqueExternalIdsRejectDuplicatesCaseInsensitively() {
    String first = emulator.get().createRecord("Foo__c", map("Ext__c", "ABC"));
    JsonNode e = error(http.post(V + "/sobjects/Foo__c", map("Ext__c", "abc")), 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("DUPLICATE_VALUE");
    assertThat(e.get("message").asText())
        .isEqualTo("duplicate value found: Ext__c duplicates value on record with id: " + first);
    String other = emulator.get().createRecord("Foo__c", map("Ext__c", "XYZ"));
    assertThat(
            error(http.patch(V + "/sobjects/Foo__c/" + other, map("Ext__c", "Abc")), 400)
                .get("errorCode")
                .asText())
        .isEqualTo("DUPLICATE_VALUE");
    http.delete(V + "/sobjects/Foo__c/" + first);
    assertThat(http.post(V + "/sobjects/Foo__c", map("Ext__c", "abc")).status()).isEqualTo(201);
  }

  @Test
  void duplicateRuleDetectsSameEmailAndHeaderBypassesIt() {
    emulator.get().faults().duplicateRules(true);
    String first =
        emulator
            .get()
            .createRecord("Lead", map("LastName", "A", "Company", "B", "Email", "a@b.io"));
    SfHttp.Res dup =
        http.post(V + "/sobjects/Lead", map("LastName", "C", "Company", "D", "Email", "A@B.io"));
    JsonNode e = error(dup, 400);
    assertThat(e.get("errorCode").asText()).isEqualTo("DUPLICATES_DETECTED");
    assertThat(
            e.get("duplicateResult")
                .get("matchResults")
                .get(0)
                .get("matchRecords")
                .get(0)
                .get("record")
                .get("Id")
                .asText())
        .isEqualTo(first);
    SfHttp.Res allowed =
        http.send(
            http.authed(V + "/sobjects/Lead")
                .header("Content-Type", "application/json")
                .header("Sforce-Duplicate-Rule-Header", "allowSave=true")
                .POST(
                    java.net.http.HttpRequest.BodyPublishers.ofString(
                        SfHttp.json(map("LastName", "C", "Company", "D", "Email", "a@b.io")))));
    assertThat(allowed.status()).isEqualTo(201);
    emulator.get().faults().duplicateRules(false);
    assertThat(http.post(V + "/sobjects/Contact", map("LastName", "E", "Email", "a@b.io")).status())
        .isEqualTo(201);
  }

  @Test
  void oversizedBodyGets413WithErrorArray() {
    SfHttp.Res r = http.post(V + "/sobjects/Case", map("Description", "z".repeat(70 * 1024)));
    assertThat(r.status()).isEqualTo(413);
    assertThat(r.errorCode()).isEqualTo("REQUEST_ENTITY_TOO_LARGE");
  }

  @Test
  void javaApiSeedingAcceptsJavaDatesAndTimes() {
    String opp =
        emulator
            .get()
            .createRecord(
                "Opportunity",
                map(
                    "Name",
                    "Deal",
                    "StageName",
                    "Prospecting",
                    "CloseDate",
                    java.time.LocalDate.of(2024, 12, 31)));
    assertThat(emulator.get().record("Opportunity", opp).orElseThrow().get("CloseDate"))
        .isEqualTo("2024-12-31");
    String foo =
        emulator
            .get()
            .createRecord(
                "Foo__c", map("When__c", java.time.Instant.parse("2024-05-01T10:00:00Z")));
    assertThat(emulator.get().record("Foo__c", foo).orElseThrow().get("When__c"))
        .isEqualTo("2024-05-01T10:00:00.000+0000");
  }

  @Test
  void seedingThroughTheJavaApiValidatesLikeRest() {
    org.assertj.core.api.Assertions.assertThatThrownBy(
            () -> emulator.get().createRecord("Lead", map("LastName", "x")))
        .hasMessageContaining("REQUIRED_FIELD_MISSING");
  }
}
