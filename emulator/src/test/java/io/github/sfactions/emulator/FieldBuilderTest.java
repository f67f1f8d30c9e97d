package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.sfactions.emulator.EmulatorConfig.Field;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FieldBuilderTest {

  @Test
  void aBareBuilderLeavesEverySettingToTheDefaults() {
    Field f = Field.builder("Note__c").build();

    assertThat(f)
        .isEqualTo(
            new Field(
                "Note__c", null, null, null, null, null, null, null, null, null, null, null, null,
                null, null));
  }

  @Test
  void aBareFieldIsAnOptionalFilterable255CharacterText() {
    try (SalesforceEmulator sf =
        SalesforceEmulator.builder()
            .object(
                new EmulatorConfig.SObject("Memo__c", List.of(Field.builder("Note__c").build())))
            .start()) {
      JsonNode note = describeField(new SfHttp(sf).login(), "Memo__c", "Note__c");

      assertThat(note.get("type").asText()).isEqualTo("string");
      assertThat(note.get("length").asInt()).isEqualTo(255);
      assertThat(note.get("nillable").asBoolean()).isTrue();
      assertThat(note.get("externalId").asBoolean()).isFalse();
      assertThat(note.get("filterable").asBoolean()).isTrue();
    }
  }

  @Test
  void picklistAndReferenceSetTheirTypes() {
    assertThat(Field.builder("Level__c").picklist("Low", "High").build().type())
        .isEqualTo("picklist");
    assertThat(Field.builder("Tags__c").type("multipicklist").picklist("A", "B").build().type())
        .isEqualTo("multipicklist");
    assertThat(Field.builder("Account__c").referenceTo("Account").build().type())
        .isEqualTo("reference");
  }

  @Test
  void toBuilderDerivesAVariantWithoutChangingTheOriginal() {
    Field text = Field.text("Code__c", 5);

    Field required = text.toBuilder().label("Code").required().build();

    assertThat(required)
        .isEqualTo(
            new Field(
                "Code__c", "string", "Code", 5, null, null, true, null, null, null, null, null,
                null, null, null));
    assertThat(text.required()).isNull();
    assertThat(text.asRequired().required()).isTrue();
  }

  @Test
  void aFieldBuiltInCodeDescribesLikeTheSameFieldReadFromJson() {
    List<Field> built =
        List.of(
            Field.builder("Number__c").length(40).externalId().build(),
            Field.builder("Total__c").type("currency").precision(16, 2).required().build(),
            Field.builder("Status__c").picklist("Open", "Paid").restricted().build(),
            Field.builder("Account__c").referenceTo("Account").build(),
            Field.builder("Notes__c").type("textarea").length(32000).build(),
            Field.builder("Count__c").type("int").defaultValue(3).filterable(false).build());
    EmulatorConfig fromJson =
        EmulatorConfig.fromJson(
            """
            {"objects": [{"name": "Invoice__c", "fields": [
              {"name": "Number__c", "length": 40, "externalId": true},
              {"name": "Total__c", "type": "currency", "precision": 16, "scale": 2,
               "required": true},
              {"name": "Status__c", "type": "picklist", "picklistValues": ["Open", "Paid"],
               "restrictedPicklist": true},
              {"name": "Account__c", "type": "reference", "referenceTo": "Account"},
              {"name": "Notes__c", "type": "textarea", "length": 32000},
              {"name": "Count__c", "type": "int", "defaultValue": 3, "filterable": false}
            ]}]}
            """);

    assertThat(fromJson.objects().get(0).fields()).isEqualTo(built);
    try (SalesforceEmulator viaBuilder =
            SalesforceEmulator.builder()
                .object(new EmulatorConfig.SObject("Invoice__c", built))
                .start();
        SalesforceEmulator viaJson = SalesforceEmulator.builder().config(fromJson).start()) {
      assertThat(describe(new SfHttp(viaBuilder).login(), "Invoice__c"))
          .isEqualTo(describe(new SfHttp(viaJson).login(), "Invoice__c"));
      JsonNode status = describeField(new SfHttp(viaBuilder).login(), "Invoice__c", "Status__c");
      assertThat(status.get("restrictedPicklist").asBoolean()).isTrue();
      assertThat(status.get("picklistValues").findValuesAsText("value"))
          .containsExactly("Open", "Paid");
    }
  }

  @Test
  void inconsistentSettingsFailWithAMessageNamingTheField() {
    Map<String, Runnable> cases =
        Map.ofEntries(
            Map.entry("A configured field needs a name", () -> Field.builder(" ").build()),
            Map.entry(
                "Field Code__c: length must be positive, was -1",
                () -> Field.builder("Code__c").length(-1).build()),
            Map.entry(
                "Field Code__c: length must be positive, was 0",
                () -> Field.builder("Code__c").length(0).build()),
            Map.entry(
                "Field Total__c: precision must be positive, was 0",
                () -> Field.builder("Total__c").type("double").precision(0, 0).build()),
            Map.entry(
                "Field Total__c: scale must be between 0 and the precision (4), was 5",
                () -> Field.builder("Total__c").type("double").precision(4, 5).build()),
            Map.entry(
                "Field Total__c: scale must be between 0 and the precision (4), was -1",
                () -> Field.builder("Total__c").type("double").precision(4, -1).build()),
            Map.entry(
                "Field Level__c: a picklist needs at least one picklist value",
                () -> Field.builder("Level__c").type("picklist").build()),
            Map.entry(
                "Field Kind__c: a picklist needs at least one picklist value",
                () -> Field.builder("Kind__c").picklist().build()),
            Map.entry(
                "Field Tags__c: a multipicklist needs at least one picklist value",
                () -> Field.builder("Tags__c").type("multipicklist").build()),
            Map.entry(
                "Field Level__c: picklist values must not be blank",
                () -> Field.builder("Level__c").picklist("Low", " ").build()),
            Map.entry(
                "Field Level__c: picklist value 'low' is listed twice",
                () -> Field.builder("Level__c").picklist("Low", "low").build()),
            Map.entry(
                "Field Level__c: picklist values need type picklist or multipicklist, not string",
                () -> Field.builder("Level__c").restricted().build()),
            Map.entry(
                "Field Level__c: picklist values need type picklist or multipicklist, not int",
                () -> Field.builder("Level__c").picklist("1").type("int").build()),
            Map.entry(
                "Field Ref__c: a reference needs referenceTo (the object it points to)",
                () -> Field.builder("Ref__c").type("reference").build()),
            Map.entry(
                "Field Ref__c: referenceTo needs type reference, not string",
                () -> Field.builder("Ref__c").referenceTo("Account").type("string").build()));

    cases.forEach(
        (message, build) ->
            assertThatThrownBy(build::run)
                .as(message)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message));
  }

  @Test
  void jsonConfigIsCheckedByTheSameRulesAndTheMessageSaysWhere() {
    assertThatThrownBy(
            () ->
                EmulatorConfig.fromJson(
                    """
                    {"objects": [{"name": "Ticket__c", "fields": [
                      {"name": "Level__c", "type": "picklist"}]}]}
                    """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("Invalid emulator config")
        .hasMessageContaining("Field Level__c: a picklist needs at least one picklist value")
        .hasMessageContaining("objects")
        .hasMessageContaining("fields");
  }

  private static JsonNode describe(SfHttp http, String object) {
    SfHttp.Res res = http.get(V + "/sobjects/" + object + "/describe");
    assertThat(res.status()).isEqualTo(200);
    return res.json().get("fields");
  }

  private static JsonNode describeField(SfHttp http, String object, String field) {
    for (JsonNode f : describe(http, object)) {
      if (f.get("name").asText().equals(field)) {
        return f;
      }
    }
    throw new AssertionError(object + " has no field " + field);
  }
}
