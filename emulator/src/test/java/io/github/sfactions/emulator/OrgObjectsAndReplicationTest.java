package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OrgObjectsAndReplicationTest {

  private static String at(Instant i) {
    return URLEncoder.encode(i.toString().replace("Z", "+00:00"), StandardCharsets.UTF_8);
  }

  @Test
  void theRunningUserIsAQueryableUserRecordAndOwnsWhatItCreates() {
    try (SalesforceEmulator sf =
        SalesforceEmulator.builder().user("ops@example.com", "pw", null).start()) {
      SfHttp http = new SfHttp(sf).login();
      String userId = http.get("/services/oauth2/userinfo").json().get("user_id").asText();
      String accountId =
          http.post(SfHttp.V + "/sobjects/Account", Map.of("Name", "Acme"))
              .json()
              .get("id")
              .asText();
      String owner =
          http.get(SfHttp.V + "/sobjects/Account/" + accountId).json().get("OwnerId").asText();
      assertThat(owner).isEqualTo(userId);

      JsonNode user = http.get(SfHttp.V + "/sobjects/User/" + owner).json();
      assertThat(user.get("Username").asText()).isEqualTo(SalesforceEmulator.DEMO_USERNAME);
      assertThat(user.get("IsActive").asBoolean()).isTrue();
      assertThat(user.get("attributes").get("type").asText()).isEqualTo("User");

      JsonNode byQuery =
          http.query("SELECT Id, Username, Email FROM User WHERE Id = '" + owner + "'").json();
      assertThat(byQuery.get("totalSize").asInt()).isEqualTo(1);
      assertThat(http.query("SELECT Id FROM User").json().get("totalSize").asInt()).isEqualTo(2);
      assertThat(
              http.query("SELECT Username FROM User WHERE Username = 'ops@example.com'")
                  .json()
                  .get("totalSize")
                  .asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void organizationTellsWhetherTheOrgIsASandbox() {
    try (SalesforceEmulator prod = SalesforceEmulator.startDemo();
        SalesforceEmulator sandbox = SalesforceEmulator.builder().sandbox(true).start()) {
      JsonNode p =
          new SfHttp(prod)
              .login()
              .query("SELECT Id, IsSandbox, OrganizationType FROM Organization")
              .json();
      assertThat(p.get("totalSize").asInt()).isEqualTo(1);
      assertThat(p.get("records").get(0).get("Id").asText()).isEqualTo(prod.orgId());
      assertThat(p.get("records").get(0).get("IsSandbox").asBoolean()).isFalse();
      SfHttp s = new SfHttp(sandbox).login();
      assertThat(
              s.query("SELECT IsSandbox FROM Organization")
                  .json()
                  .get("records")
                  .get(0)
                  .get("IsSandbox")
                  .asBoolean())
          .isTrue();
      assertThat(
              s.get(SfHttp.V + "/sobjects/Organization/" + sandbox.orgId())
                  .json()
                  .get("IsSandbox")
                  .asBoolean())
          .isTrue();
      sandbox.reset();
      assertThat(
              s.query("SELECT IsSandbox FROM Organization")
                  .json()
                  .get("records")
                  .get(0)
                  .get("IsSandbox")
                  .asBoolean())
          .as("after reset")
          .isTrue();
    }
  }

  @Test
  void userAndOrganizationAreReadOnlyThroughTheApi() {
    try (SalesforceEmulator sf = SalesforceEmulator.startDemo()) {
      SfHttp http = new SfHttp(sf).login();
      SfHttp.Res create = http.post(SfHttp.V + "/sobjects/User", Map.of("LastName", "X"));
      assertThat(create.status()).isEqualTo(400);
      assertThat(create.errorCode()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
      assertThat(create.json().get(0).get("message").asText())
          .isEqualTo("entity type cannot be inserted: User");
      SfHttp.Res delete = http.delete(SfHttp.V + "/sobjects/Organization/" + sf.orgId());
      assertThat(delete.errorCode()).isEqualTo("INVALID_TYPE_FOR_OPERATION");
      JsonNode describe = http.get(SfHttp.V + "/sobjects/User/describe").json();
      assertThat(describe.get("createable").asBoolean()).isFalse();
      assertThat(describe.get("queryable").asBoolean()).isTrue();
    }
  }

  @Test
  void updatedAndDeletedListChangesInTheSpanInSalesforcesShapes() {
    try (SalesforceEmulator sf = SalesforceEmulator.startDemo()) {
      SfHttp http = new SfHttp(sf).login();
      Instant before = Instant.now().minus(2, ChronoUnit.MINUTES);
      String kept =
          http.post(SfHttp.V + "/sobjects/Account", Map.of("Name", "Kept"))
              .json()
              .get("id")
              .asText();
      String gone =
          http.post(SfHttp.V + "/sobjects/Account", Map.of("Name", "Gone"))
              .json()
              .get("id")
              .asText();
      assertThat(http.delete(SfHttp.V + "/sobjects/Account/" + gone).status()).isEqualTo(204);
      Instant after = Instant.now().plus(2, ChronoUnit.MINUTES);

      JsonNode updated =
          http.get(
                  SfHttp.V + "/sobjects/Account/updated/?start=" + at(before) + "&end=" + at(after))
              .json();
      assertThat(updated.get("ids")).extracting(JsonNode::asText).containsExactly(kept);
      assertThat(updated.get("latestDateCovered").asText())
          .matches("\\d{4}-\\d\\d-\\d\\dT.*\\+0000");

      JsonNode deleted =
          http.get(
                  SfHttp.V + "/sobjects/Account/deleted/?start=" + at(before) + "&end=" + at(after))
              .json();
      assertThat(deleted.get("deletedRecords")).hasSize(1);
      assertThat(deleted.get("deletedRecords").get(0).get("id").asText()).isEqualTo(gone);
      assertThat(deleted.get("deletedRecords").get(0).get("deletedDate").asText())
          .endsWith("+0000");
      assertThat(deleted.has("earliestDateAvailable")).isTrue();
      assertThat(deleted.has("latestDateCovered")).isTrue();

      JsonNode earlier =
          http.get(
                  SfHttp.V
                      + "/sobjects/Account/updated/?start="
                      + at(before.minus(1, ChronoUnit.DAYS))
                      + "&end="
                      + at(before))
              .json();
      assertThat(earlier.get("ids")).isEmpty();
    }
  }

  @Test
  void replicationRejectsBadSpansAsSalesforceDocumentsThem() {
    try (SalesforceEmulator sf = SalesforceEmulator.startDemo()) {
      SfHttp http = new SfHttp(sf).login();
      Instant now = Instant.now();
      String base = SfHttp.V + "/sobjects/Lead/";
      SfHttp.Res reversed =
          http.get(base + "updated/?start=" + at(now) + "&end=" + at(now.minusSeconds(3600)));
      assertThat(reversed.status()).isEqualTo(400);
      assertThat(reversed.errorCode()).isEqualTo("INVALID_REPLICATION_DATE");
      SfHttp.Res tooOld =
          http.get(
              base + "updated/?start=" + at(now.minus(31, ChronoUnit.DAYS)) + "&end=" + at(now));
      assertThat(tooOld.errorCode()).isEqualTo("INVALID_REPLICATION_DATE");
      assertThat(tooOld.json().get(0).get("message").asText()).contains("30 days");
      SfHttp.Res deletedTooOld =
          http.get(
              base + "deleted/?start=" + at(now.minus(16, ChronoUnit.DAYS)) + "&end=" + at(now));
      assertThat(deletedTooOld.json().get(0).get("message").asText()).contains("15 days");
      assertThat(
              http.get(
                      base
                          + "deleted/?start="
                          + at(now.minus(14, ChronoUnit.DAYS))
                          + "&end="
                          + at(now))
                  .status())
          .isEqualTo(200);
      SfHttp.Res missing = http.get(base + "updated/?start=" + at(now));
      assertThat(missing.errorCode()).isEqualTo("MISSING_ARGUMENT");
      assertThat(missing.json().get(0).get("message").asText()).contains("end");
      SfHttp.Res garbage = http.get(base + "updated/?start=yesterday&end=" + at(now));
      assertThat(garbage.errorCode()).isEqualTo("INVALID_REPLICATION_DATE");
      assertThat(garbage.json().get(0).get("message").asText())
          .contains("start")
          .contains("yesterday");
      assertThat(http.method("POST", base + "updated/?start=" + at(now), null).status())
          .isEqualTo(405);
    }
  }
}
