package io.github.sfactions.spring.intake;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.sfactions.spring.intake.impl.WriteKeyAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class WriteKeyAuthenticatorTest {

  private final WriteKeyAuthenticator authenticator = new WriteKeyAuthenticator("s3cret-key");

  @Test
  void acceptsTheKeyAsBasicUserNameWithAnyPassword() {
    assertThat(authenticator.accepts(basic("s3cret-key:"))).isTrue();
    assertThat(authenticator.accepts(basic("s3cret-key:ignored"))).isTrue();
    assertThat(authenticator.accepts(basic("s3cret-key"))).isTrue();
    assertThat(
            authenticator.accepts(
                "basic "
                    + Base64.getEncoder()
                        .encodeToString("s3cret-key:".getBytes(StandardCharsets.UTF_8))))
        .isTrue();
  }

  @Test
  void refusesOtherKeysSchemesAndGarbage() {
    assertThat(authenticator.accepts(null)).isFalse();
    assertThat(authenticator.accepts(basic("s3cret-ke:"))).isFalse();
    assertThat(authenticator.accepts(basic("s3cret-key-longer:"))).isFalse();
    assertThat(authenticator.accepts(basic(":s3cret-key"))).isFalse();
    assertThat(authenticator.accepts("Bearer s3cret-key")).isFalse();
    assertThat(authenticator.accepts("Basic %%%")).isFalse();
  }

  private static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
