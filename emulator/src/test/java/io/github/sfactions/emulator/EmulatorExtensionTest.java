package io.github.sfactions.emulator;

import static io.github.sfactions.emulator.SfHttp.V;
import static io.github.sfactions.emulator.SfHttp.map;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmulatorExtensionTest {
  @RegisterExtension static EmulatorExtension shared = new EmulatorExtension();
  static String firstLoginUrl;

  @Test
  @Order(1)
  void firstTestWritesARecord(SalesforceEmulator emulator) {
    firstLoginUrl = emulator.loginUrl();
    SfHttp http = new SfHttp(emulator).login();
    assertThat(http.post(V + "/sobjects/Account", map("Name", "A")).status()).isEqualTo(201);
    assertThat(emulator.records("Account")).hasSize(1);
  }

  @Test
  @Order(2)
  void secondTestSeesTheSameEmulatorReset(SalesforceEmulator emulator) {
    assertThat(emulator.loginUrl()).isEqualTo(firstLoginUrl);
    assertThat(emulator.records("Account")).isEmpty();
    assertThat(emulator.stats().totalApiCalls()).isZero();
    assertThat(emulator).isSameAs(shared.get());
  }
}
