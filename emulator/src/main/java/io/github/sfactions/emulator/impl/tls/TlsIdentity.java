package io.github.sfactions.emulator.impl.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMException;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

/**
 * The key and certificate chain the HTTPS listeners present, and the PEM file of the certificate a
 * client must trust. Made from a generated local CA kept in a directory (reused on later starts), a
 * PKCS12 keystore, or PEM files.
 */
public final class TlsIdentity {
  /** File names in the TLS directory. */
  public static final String KEYSTORE_FILE = "sfactions-emulator-tls.p12";

  public static final String CA_PEM_FILE = "sfactions-emulator-ca.pem";

  /**
   * The generated keystore only protects a local test key; its password is fixed and documented.
   */
  public static final String GENERATED_PASSWORD = "sfactions-emulator";

  private static final String ALIAS = "server";
  private static final String LOCK_FILE = ".sfactions-emulator-tls.lock";

  private final KeyStore keyStore;
  private final char[] password;
  private final X509Certificate trustAnchor;
  private final Path certificatePem;

  private TlsIdentity(
      KeyStore keyStore, char[] password, X509Certificate trustAnchor, Path certificatePem) {
    this.keyStore = keyStore;
    this.password = password.clone();
    this.trustAnchor = trustAnchor;
    this.certificatePem = certificatePem;
  }

  /**
   * The generated identity in {@code dir}: loaded when an earlier start left it there, generated
   * and written otherwise. A file lock keeps two emulators starting on one directory from writing
   * two CAs.
   */
  public static TlsIdentity generatedIn(Path dir) {
    try {
      Files.createDirectories(dir);
      Path keystoreFile = dir.resolve(KEYSTORE_FILE);
      Path pem = dir.resolve(CA_PEM_FILE);
      try (FileChannel ch =
              FileChannel.open(
                  dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock ignored = ch.lock()) {
        if (Files.isRegularFile(keystoreFile) && Files.isRegularFile(pem)) {
          KeyStore ks = loadPkcs12(keystoreFile, GENERATED_PASSWORD.toCharArray());
          return new TlsIdentity(
              ks, GENERATED_PASSWORD.toCharArray(), lastOfChain(ks, keystoreFile), pem);
        }
        LocalCertificateAuthority.Issued issued = LocalCertificateAuthority.issue();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry(
            ALIAS,
            issued.serverKey().getPrivate(),
            GENERATED_PASSWORD.toCharArray(),
            new Certificate[] {issued.server(), issued.root()});
        Path tmp = Files.createTempFile(dir, KEYSTORE_FILE, ".tmp");
        try (var out = Files.newOutputStream(tmp)) {
          ks.store(out, GENERATED_PASSWORD.toCharArray());
        }
        Files.move(
            tmp, keystoreFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        writePem(pem, issued.root());
        return new TlsIdentity(ks, GENERATED_PASSWORD.toCharArray(), issued.root(), pem);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot keep the emulator's TLS certificate in " + dir + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot store the emulator's TLS certificate in " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * A PKCS12 keystore given by the user: its first key entry is served; the last certificate of
   * that entry's chain is written as PEM to {@code pemOut} for clients to trust.
   */
  public static TlsIdentity fromPkcs12(Path file, char[] password, Path pemOut) {
    try {
      KeyStore ks = loadPkcs12(file, password);
      X509Certificate anchor = lastOfChain(ks, file);
      Files.createDirectories(pemOut.toAbsolutePath().getParent());
      writePem(pemOut, anchor);
      return new TlsIdentity(ks, password, anchor, pemOut);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read the TLS keystore " + file + ": " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot use the TLS keystore " + file + ": " + e.getMessage(), e);
    }
  }

  /**
   * PEM files given by the user: the certificate chain (server first) and an unencrypted private
   * key (PKCS#8 {@code PRIVATE KEY}, or {@code RSA}/{@code EC PRIVATE KEY}). The chain file is what
   * clients trust.
   */
  public static TlsIdentity fromPem(Path certificateChain, Path privateKey) {
    List<X509Certificate> chain = new ArrayList<>();
    PrivateKey key = null;
    try {
      for (Object o : readPem(certificateChain)) {
        if (o instanceof X509CertificateHolder h) {
          chain.add(new JcaX509CertificateConverter().getCertificate(h));
        }
      }
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      for (Object o : readPem(privateKey)) {
        if (o instanceof PrivateKeyInfo info) {
          key = converter.getPrivateKey(info);
        } else if (o instanceof PEMKeyPair pair) {
          key = converter.getKeyPair(pair).getPrivate();
        } else if (o != null && !(o instanceof X509CertificateHolder)) {
          throw new IllegalArgumentException(
              "Unsupported entry in "
                  + privateKey
                  + " ("
                  + o.getClass().getSimpleName()
                  + "): give an unencrypted private key, or use a PKCS12 keystore");
        }
      }
      if (chain.isEmpty()) {
        throw new IllegalArgumentException("No CERTIFICATE in " + certificateChain);
      }
      if (key == null) {
        throw new IllegalArgumentException("No PRIVATE KEY in " + privateKey);
      }
      KeyStore ks = KeyStore.getInstance("PKCS12");
      ks.load(null, null);
      char[] pw = GENERATED_PASSWORD.toCharArray();
      ks.setKeyEntry(ALIAS, key, pw, chain.toArray(new Certificate[0]));
      return new TlsIdentity(ks, pw, chain.get(chain.size() - 1), certificateChain);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the TLS PEM files: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "Cannot use the TLS PEM files "
              + certificateChain
              + ", "
              + privateKey
              + ": "
              + e.getMessage(),
          e);
    }
  }

  private static List<Object> readPem(Path file) throws IOException {
    List<Object> out = new ArrayList<>();
    try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
        PEMParser p = new PEMParser(r)) {
      for (Object o = p.readObject(); o != null; o = p.readObject()) {
        out.add(o);
      }
    } catch (PEMException e) {
      throw new IllegalArgumentException(
          "Not a PEM file: " + file + " (" + e.getMessage() + ")", e);
    }
    return out;
  }

  private static KeyStore loadPkcs12(Path file, char[] password)
      throws IOException, GeneralSecurityException {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(file)) {
      ks.load(in, password);
    }
    return ks;
  }

  private static X509Certificate lastOfChain(KeyStore ks, Path file)
      throws GeneralSecurityException {
    for (String alias : Collections.list(ks.aliases())) {
      if (ks.isKeyEntry(alias)) {
        Certificate[] chain = ks.getCertificateChain(alias);
        if (chain != null
            && chain.length > 0
            && chain[chain.length - 1] instanceof X509Certificate x) {
          return x;
        }
      }
    }
    throw new IllegalArgumentException(
        "No private key entry with an X.509 certificate chain in " + file);
  }

  private static void writePem(Path file, X509Certificate cert)
      throws IOException, CertificateEncodingException {
    String body =
        Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
            .encodeToString(cert.getEncoded());
    Path tmp =
        Files.createTempFile(
            file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
    Files.writeString(
        tmp,
        "-----BEGIN CERTIFICATE-----\n" + body + "\n-----END CERTIFICATE-----\n",
        StandardCharsets.US_ASCII);
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The server-side TLS context presenting this identity. */
  public SSLContext serverContext() {
    try {
      KeyManagerFactory kmf =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      kmf.init(keyStore, password);
      SSLContext ctx = SSLContext.getInstance("TLS");
      ctx.init(kmf.getKeyManagers(), null, null);
      return ctx;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Cannot set up TLS: " + e.getMessage(), e);
    }
  }

  /** The certificate clients trust (the local CA, or the last of a given chain). */
  public X509Certificate trustAnchor() {
    return trustAnchor;
  }

  /** The PEM file of {@link #trustAnchor()} (or the given chain). */
  public Path certificatePem() {
    return certificatePem;
  }
}
