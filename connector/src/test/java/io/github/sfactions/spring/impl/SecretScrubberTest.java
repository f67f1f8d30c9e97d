package io.github.sfactions.spring.impl;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.client.ClientCredentialsFlow;
import io.github.sfactions.client.PasswordFlow;
import io.github.sfactions.client.RefreshTokenFlow;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

  @Test
  void masksEverySecretOfThePasswordFlowIncludingTheCombinedForm() {
    PasswordFlow flow = new PasswordFlow("app", "client-secret-1", "user@acme.com", "hunter22", "TOKENXYZ");
    String text = "sent password=hunter22TOKENXYZ secret=client-secret-1 token TOKENXYZ for user@acme.com";
    assertThat(SecretScrubber.scrub(text, flow))
        .isEqualTo("sent password=*** secret=*** token *** for user@acme.com");
  }

  @Test
  void masksRefreshTokensAndClientSecrets() {
    assertThat(SecretScrubber.scrub("rt=5Aep861refresh secret=cc-secret-9",
        new RefreshTokenFlow("app", "cc-secret-9", "5Aep861refresh"))).isEqualTo("rt=*** secret=***");
    assertThat(SecretScrubber.scrub("secret=cc-secret-9", new ClientCredentialsFlow("app", "cc-secret-9")))
        .isEqualTo("secret=***");
  }

  @Test
  void leavesVeryShortSecretsAloneSoOrdinaryWordsAndUsernamesStayReadable() {
    PasswordFlow flow = new PasswordFlow("app", "client-secret-1", "demo@acme.com", "demo", null);
    assertThat(SecretScrubber.scrub("login failed for demo@acme.com", flow))
        .isEqualTo("login failed for demo@acme.com");
    assertThat(SecretScrubber.scrub(null, flow)).isNull();
  }
}
