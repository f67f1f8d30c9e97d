package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class QueryOffsetTest {
  @RegisterExtension static EmulatorExtension emulator = new EmulatorExtension();

  private static String names(JsonNode r) {
    StringBuilder sb = new StringBuilder();
    r.get("records").forEach(n -> sb.append(n.get("Name").asText()));
    return sb.toString();
  }

  @Test
  void offsetSkipsRowsBeforeLimitCounts(SalesforceEmulator sf) {
    for (String n : new String[] {"c", "a", "e", "b", "d"}) {
      sf.createRecord("Account", Map.of("Name", n));
    }
    SfHttp http = new SfHttp(sf).login();
    assertThat(names(http.query("SELECT Name FROM Account ORDER BY Name LIMIT 2 OFFSET 1").json()))
        .isEqualTo("bc");
    assertThat(names(http.query("SELECT Name FROM Account ORDER BY Name OFFSET 3").json()))
        .isEqualTo("de");
    assertThat(names(http.query("SELECT Name FROM Account LIMIT 2 OFFSET 2").json()))
        .isEqualTo("eb");
    assertThat(http.query("SELECT Name FROM Account OFFSET 10").json().get("totalSize").asInt())
        .isZero();
  }

  @Test
  void offsetOver2000AndOffsetBeforeLimitAreRefused(SalesforceEmulator sf) {
    SfHttp http = new SfHttp(sf).login();
    SfHttp.Res big = http.query("SELECT Name FROM Account OFFSET 2001");
    assertThat(big.status()).isEqualTo(400);
    assertThat(big.errorCode()).isEqualTo("NUMBER_OUTSIDE_VALID_RANGE");
    assertThat(big.json().get(0).get("message").asText())
        .contains("Maximum SOQL offset allowed is 2000");
    SfHttp.Res order = http.query("SELECT Name FROM Account OFFSET 1 LIMIT 2");
    assertThat(order.errorCode()).isEqualTo("MALFORMED_QUERY");
    assertThat(order.json().get(0).get("message").asText()).contains("unexpected token: 'LIMIT'");
  }
}
