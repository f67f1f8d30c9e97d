package io.github.sfactions.spring;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** RSA keys for JWT bearer configuration tests. */
final class TestKeys {

  private static final KeyPair PAIR = generate();

  private TestKeys() {}

  static KeyPair pair() {
    return PAIR;
  }

  /** The private key as unencrypted PKCS#8 PEM text. */
  static String privateKeyPem() {
    String base64 =
        Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(PAIR.getPrivate().getEncoded());
    return "-----BEGIN PRIVATE KEY-----\n" + base64 + "\n-----END PRIVATE KEY-----\n";
  }

  private static KeyPair generate() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
