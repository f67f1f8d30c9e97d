package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StartupAndPersistenceTest {
  @TempDir Path dir;

  @Test
  void mainPrintsUrlsAndCredentialsAndServesTheConfiguredOrg() throws Exception {
    Path config = dir.resolve("org.json");
    Files.writeString(
        config,
        """
                {
                  "dailyApiLimit": 100,
                  "users": [{"username": "ops@example.com", "password": "pw", "securityToken": "T1"}],
                  "objects": [{"name": "Invoice__c", "keyPrefix": "a0I",
                               "fields": [{"name": "Number__c", "type": "string", "externalId": true},
                                          {"name": "Total__c", "type": "currency", "required": true},
                                          {"name": "Copies__c", "type": "int", "defaultValue": 2},
                                          {"name": "Paid__c", "type": "boolean", "defaultValue": true}]}],
                  "records": {"Invoice__c": [{"Number__c": "INV-1", "Total__c": 12.5}]},
                  "faults": {"rules": [{"type": "SERVER_UNAVAILABLE", "count": 1, "path": "/limits"}]}
                }""");
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    try (SalesforceEmulator emulator =
        EmulatorMain.start(
            new String[] {"--port", "0", "--config", config.toString()},
            new PrintStream(printed, true, StandardCharsets.UTF_8))) {
      String text = printed.toString(StandardCharsets.UTF_8);
      assertThat(text)
          .contains(emulator.loginUrl())
          .contains(emulator.instanceUrl())
          .contains("client_id=sfactions-demo")
          .contains("demo@sfactions.local");
      SfHttp http = new SfHttp(emulator).login();
      assertThat(http.get(V + "/limits").status()).isEqualTo(503);
      assertThat(http.get(V + "/limits").header("Sforce-Limit-Info")).isEqualTo("api-usage=2/100");
      SfHttp.Res inv = http.get(V + "/sobjects/Invoice__c/Number__c/INV-1");
      assertThat(inv.json().get("Id").asText()).startsWith("a0I");
      Map<String, Object> stored =
          emulator.record("Invoice__c", inv.json().get("Id").asText()).orElseThrow();
      assertThat(stored.get("Copies__c")).isEqualTo(new java.math.BigDecimal(2));
      assertThat(stored.get("Paid__c")).isEqualTo(Boolean.TRUE);
      assertThat(http.post(V + "/sobjects/Invoice__c", map("Number__c", "INV-2")).errorCode())
          .isEqualTo("REQUIRED_FIELD_MISSING");
      assertThat(
              http.token(
                      java.util.Map.of(
                          "grant_type",
                          "password",
                          "client_id",
                          "sfactions-demo",
                          "client_secret",
                          "sfactions-demo-secret",
                          "username",
                          "ops@example.com",
                          "password",
                          "pwT1"))
                  .status())
          .isEqualTo(200);
    }
  }

  @Test
  void faultFlagsApplyFromTheStart() {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    try (SalesforceEmulator emulator =
        EmulatorMain.start(
            new String[] {
              "--port",
              "0",
              "--fail",
              "SERVER_UNAVAILABLE:1",
              "--latency",
              "5-10",
              "--daily-api-limit",
              "3",
              "--bulk-records-per-second",
              "1000"
            },
            quiet)) {
      SfHttp http = new SfHttp(emulator).login();
      assertThat(http.get(V + "/limits").status()).isEqualTo(503);
      assertThat(emulator.faults().current().latency().minMs()).isEqualTo(5);
      assertThat(emulator.faults().dailyApiLimit()).isEqualTo(3);
    }
    assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--fail", "BOOM:1"}, quiet))
        .hasMessageContaining("--fail needs TYPE:RATE");
    assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--latency", "x"}, quiet))
        .hasMessageContaining("--latency");
  }

  @Test
  void badArgumentsAndBadConfigAreClearErrors() throws Exception {
    PrintStream quiet = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--bogus"}, quiet))
        .hasMessage("Unknown option: --bogus");
    assertThatThrownBy(() -> EmulatorMain.start(new String[] {"--port"}, quiet))
        .hasMessage("Missing value for --port");
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"objects\":[{\"name\":\"Bad\",\"fields\":[]}]}");
    assertThatThrownBy(
            () ->
                EmulatorMain.start(new String[] {"--port", "0", "--config", bad.toString()}, quiet))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("must end in __c");
    Path unknownType = dir.resolve("type.json");
    Files.writeString(
        unknownType,
        "{\"objects\":[{\"name\":\"X__c\",\"fields\":[{\"name\":\"A__c\",\"type\":\"blob\"}]}]}");
    assertThatThrownBy(() -> SalesforceEmulator.builder().configFile(unknownType).start())
        .hasMessageContaining("Unknown type 'blob'");
    assertThat(EmulatorMain.start(new String[] {"--help"}, quiet)).isNull();
  }

  @Test
  void recordsPersistAcrossRestartsThroughTheDataFile() throws Exception {
    Path data = dir.resolve("records.json");
    String kept;
    String deleted;
    try (SalesforceEmulator first = SalesforceEmulator.builder().dataFile(data).start()) {
      SfHttp http = new SfHttp(first).login();
      kept =
          http.post(V + "/sobjects/Account", map("Name", "Kept", "NumberOfEmployees", 7))
              .json()
              .get("id")
              .asText();
      first.createRecord("Case", map("Subject", "kept"));
      deleted = first.createRecord("Case", map("Subject", "gone"));
      http.delete(V + "/sobjects/Case/" + deleted);
      long deadline = System.currentTimeMillis() + 5000;
      while (!Files.exists(data) && System.currentTimeMillis() < deadline) {
        java.util.concurrent.locks.LockSupport.parkNanos(20_000_000);
      }
      assertThat(data).exists();
    }
    try (SalesforceEmulator second = SalesforceEmulator.builder().dataFile(data).start()) {
      assertThat(second.record("Account", kept).orElseThrow().get("NumberOfEmployees"))
          .isEqualTo(new java.math.BigDecimal(7));
      SfHttp http = new SfHttp(second).login();
      assertThat(http.delete(V + "/sobjects/Case/" + deleted).errorCode())
          .isEqualTo("ENTITY_IS_DELETED");
      String nextCase = second.createRecord("Case", map("Subject", "new"));
      assertThat(second.record("Case", nextCase).orElseThrow().get("CaseNumber"))
          .isEqualTo("00001002");
      String next = second.createRecord("Account", map("Name", "New"));
      assertThat(next).isNotEqualTo(kept);
      assertThat(second.records("Account")).hasSize(2);
    }
  }

  @Test
  void portsAreValidated() {
    assertThatThrownBy(() -> SalesforceEmulator.builder().port(70000))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SalesforceEmulator.builder().port(9999).instancePort(9999).start())
        .hasMessageContaining("must differ");
  }
}
