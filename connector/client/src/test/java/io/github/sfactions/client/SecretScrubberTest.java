package io.github.sfactions.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.util.List;
import org.junit.jupiter.api.Test;

class SecretScrubberTest {

  @Test
  void masksEverySecretOfThePasswordFlowIncludingTheCombinedForm() {
    PasswordFlow flow =
        new PasswordFlow("app", "client-secret-1", "user@acme.com", "hunter22", "TOKENXYZ");
    String text =
        "sent password=hunter22TOKENXYZ secret=client-secret-1 token TOKENXYZ for user@acme.com";
    assertThat(SecretScrubber.scrub(text, flow))
        .isEqualTo("sent password=*** secret=*** token *** for user@acme.com");
  }

  @Test
  void masksTheUrlEncodedFormASecretHasInATokenRequestBody() {
    PasswordFlow flow =
        new PasswordFlow("app", "s3cr3t/+=&value", "user@acme.com", "pässwörd 1", "TOKEN&42");
    String body =
        "grant_type=password&client_secret="
            + URLEncoder.encode("s3cr3t/+=&value", StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode("pässwörd 1TOKEN&42", StandardCharsets.UTF_8);
    assertThat(SecretScrubber.scrub("echoed: " + body, flow))
        .isEqualTo("echoed: grant_type=password&client_secret=***&password=***");
  }

  @Test
  void eachFlowNamesItsOwnSecrets() throws Exception {
    assertThat(
            new PasswordFlow("app", "client-secret-1", "u@acme.com", "hunter22", "TOKENXYZ")
                .secrets())
        .containsExactly("hunter22TOKENXYZ", "client-secret-1", "hunter22", "TOKENXYZ");
    assertThat(new RefreshTokenFlow("app", null, "5Aep861refresh").secrets())
        .containsExactly("5Aep861refresh");
    assertThat(new ClientCredentialsFlow("app", "cc-secret-9").secrets())
        .containsExactly("cc-secret-9");
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    assertThat(
            new JwtBearerFlow("app", "u@acme.com", generator.generateKeyPair().getPrivate(), null)
                .secrets())
        .isEmpty();
  }

  @Test
  void masksRefreshTokensAndClientSecrets() {
    assertThat(
            SecretScrubber.scrub(
                "rt=5Aep861refresh secret=cc-secret-9",
                new RefreshTokenFlow("app", "cc-secret-9", "5Aep861refresh")))
        .isEqualTo("rt=*** secret=***");
    assertThat(
            SecretScrubber.scrub(
                "secret=cc-secret-9", new ClientCredentialsFlow("app", "cc-secret-9")))
        .isEqualTo("secret=***");
  }

  @Test
  void leavesVeryShortSecretsAloneSoOrdinaryWordsAndUsernamesStayReadable() {
    PasswordFlow flow = new PasswordFlow("app", "client-secret-1", "demo@acme.com", "demo", null);
    assertThat(SecretScrubber.scrub("login failed for demo@acme.com", flow))
        .isEqualTo("login failed for demo@acme.com");
    assertThat(
            SecretScrubber.scrub(
                "failed for s3cr3t-value and pw-123456 with abc",
                List.of("s3cr3t-value", "pw-123456", "abc")))
        .isEqualTo("failed for *** and *** with abc");
    assertThat(SecretScrubber.scrub(null, flow)).isNull();
  }
}
