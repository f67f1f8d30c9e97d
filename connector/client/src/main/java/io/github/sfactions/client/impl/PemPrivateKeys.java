package io.github.sfactions.client.impl;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;

/**
 * Reads an RSA private key in PEM PKCS#8 form ({@code -----BEGIN PRIVATE KEY-----}) for the JWT
 * bearer flow.
 */
public final class PemPrivateKeys {

  private static final String BEGIN = "-----BEGIN PRIVATE KEY-----";
  private static final String END = "-----END PRIVATE KEY-----";

  private PemPrivateKeys() {}

  /**
   * The key in the PEM text.
   *
   * @throws IllegalArgumentException when the text is not an unencrypted PKCS#8 RSA key (the
   *     message never contains key material)
   */
  public static PrivateKey parse(String pem) {
    if (pem == null) {
      throw new IllegalArgumentException("No private key given");
    }
    if (pem.contains("BEGIN RSA PRIVATE KEY") || pem.contains("BEGIN ENCRYPTED PRIVATE KEY")) {
      throw new IllegalArgumentException(
          "The private key must be unencrypted PKCS#8 (-----BEGIN PRIVATE KEY-----);"
              + " convert it with: openssl pkcs8 -topk8 -nocrypt -in key.pem -out key-pkcs8.pem");
    }
    int begin = pem.indexOf(BEGIN);
    int end = pem.indexOf(END);
    if (begin < 0 || end < begin) {
      throw new IllegalArgumentException(
          "The private key is not in PEM form (-----BEGIN PRIVATE KEY----- ...)");
    }
    String base64 = pem.substring(begin + BEGIN.length(), end).replaceAll("\\s", "");
    try {
      byte[] der = Base64.getDecoder().decode(base64);
      return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    } catch (IllegalArgumentException | GeneralSecurityException e) {
      throw new IllegalArgumentException("The private key could not be read as an RSA PKCS#8 key");
    }
  }
}
