package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class DateLiteralQueryTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();

  private static List<String> names(SfHttp http, String where) {
    JsonNode r =
        http.query("SELECT Name FROM Opportunity WHERE " + where + " ORDER BY Name").json();
    List<String> out = new ArrayList<>();
    r.get("records").forEach(n -> out.add(n.get("Name").asText()));
    return out;
  }

  @Test
  void dateLiteralsSelectTheirDayRangesOnDateAndDatetimeFields(SalesforceEmulator sf) {
    LocalDate today = LocalDate.now(ZoneOffset.UTC);
    Map<String, LocalDate> closes =
        Map.of(
            "a-today",
            today,
            "b-yesterday",
            today.minusDays(1),
            "c-in10days",
            today.plusDays(10),
            "d-40daysago",
            today.minusDays(40));
    closes.forEach(
        (name, date) ->
            sf.createRecord(
                "Opportunity",
                Map.of("Name", name, "StageName", "Prospecting", "CloseDate", date)));
    SfHttp http = new SfHttp(sf).login();
    assertThat(names(http, "CloseDate = TODAY")).containsExactly("a-today");
    assertThat(names(http, "CloseDate = yesterday")).containsExactly("b-yesterday");
    assertThat(names(http, "CloseDate = LAST_N_DAYS:7")).containsExactly("a-today", "b-yesterday");
    assertThat(names(http, "CloseDate = NEXT_N_DAYS:30")).containsExactly("c-in10days");
    assertThat(names(http, "CloseDate > TODAY")).containsExactly("c-in10days");
    assertThat(names(http, "CloseDate >= TODAY")).containsExactly("a-today", "c-in10days");
    assertThat(names(http, "CloseDate < LAST_N_DAYS:30")).containsExactly("d-40daysago");
    assertThat(names(http, "CloseDate <= YESTERDAY")).containsExactly("b-yesterday", "d-40daysago");
    assertThat(names(http, "CloseDate != TODAY")).hasSize(3);
    assertThat(names(http, "CloseDate = N_DAYS_AGO:40")).containsExactly("d-40daysago");
    assertThat(names(http, "CreatedDate = TODAY")).hasSize(4);
    assertThat(names(http, "CreatedDate < TODAY")).isEmpty();
    assertThat(names(http, "CreatedDate = THIS_YEAR AND CreatedDate = THIS_MONTH")).hasSize(4);
  }

  @Test
  void dateLiteralsOnOtherTypesAndUnknownOnesAreRefused(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res onText = http.query("SELECT Id FROM Opportunity WHERE Name = TODAY");
    assertThat(onText.status()).isEqualTo(400);
    assertThat(onText.errorCode()).isEqualTo("INVALID_QUERY_FILTER_OPERATOR");
    SfHttp.Res unknown =
        http.query("SELECT Id FROM Opportunity WHERE CloseDate = LAST_N_FORTNIGHTS:2");
    assertThat(unknown.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(unknown.json().get(0).get("message").asText())
        .contains("Unsupported date literal: LAST_N_FORTNIGHTS:2");
    SfHttp.Res fiscal =
        http.query("SELECT Id FROM Opportunity WHERE CloseDate = THIS_FISCAL_QUARTER");
    assertThat(fiscal.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(fiscal.json().get(0).get("message").asText()).contains("THIS_FISCAL_QUARTER");
  }
}
