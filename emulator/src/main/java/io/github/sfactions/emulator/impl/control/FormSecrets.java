package io.github.sfactions.emulator.impl.control;

import java.util.regex.Pattern;

/** Masks credentials in logged form bodies and query strings so the log never holds a secret. */
public final class FormSecrets {
  private static final Pattern SECRET =
      Pattern.compile(
          "(?i)(^|[&?])(password|client_secret|refresh_token|assertion|token|code_verifier)=[^&]*");

  private FormSecrets() {}

  public static String mask(String text) {
    if (text == null || text.indexOf('=') < 0) {
      return text;
    }
    return SECRET.matcher(text).replaceAll("$1$2=[redacted]");
  }
}
