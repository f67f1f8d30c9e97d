package io.github.sfactions.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jsforce, a widely used Salesforce client (npm), unchanged, against the emulator over HTTPS: its
 * default SOAP {@code login()}, a create, SOQL on Organization and User, {@code /composite} with a
 * reference, a Bulk 2.0 query and {@code updated()}. The script is {@code
 * src/test/js/jsforce-check.js}.
 *
 * <p>Needs Node.js and the npm registry (both on the project's machines and CI); where either is
 * missing the test is skipped with the reason, since no Java stand-in would prove what a real
 * client does.
 */
class JsforceClientTest {

  /**
   * The jsforce release checked; bump it on purpose. 3.10.16 is the newest for Node.js 18+: from
   * 3.10.19 on jsforce needs Node.js 22, and these machines have 20.
   */
  private static final String JSFORCE = "jsforce@3.10.16";

  private static final Path INSTALL = Path.of("target", "jsforce");
  private static final Path SCRIPT = Path.of("src", "test", "js", "jsforce-check.js");

  @BeforeAll
  static void installJsforce() throws Exception {
    assumeTrue(
        run(List.of("node", "--version"), Map.of(), 30).exitCode == 0, "Node.js is not installed");
    if (Files.isDirectory(INSTALL.resolve("node_modules").resolve("jsforce"))) {
      return;
    }
    Files.createDirectories(INSTALL);
    Result install =
        run(
            List.of(
                "npm",
                "install",
                "--no-audit",
                "--no-fund",
                "--loglevel=error",
                "--prefix",
                INSTALL.toString(),
                JSFORCE),
            Map.of(),
            300);
    assumeTrue(install.exitCode == 0, "npm could not install " + JSFORCE + ": " + install.output);
  }

  @Test
  void jsforceLogsInBySoapOverHttpsAndItsCallsSucceedUnchanged(@TempDir Path tls) throws Exception {
    try (SalesforceEmulator sf =
        SalesforceEmulator.builder().https().soapLogin(true).tlsDirectory(tls).start()) {
      Result check =
          run(
              List.of("node", SCRIPT.toString(), sf.httpsLoginUrl().orElseThrow()),
              Map.of(
                  "NODE_EXTRA_CA_CERTS",
                  sf.certificatePem().orElseThrow().toString(),
                  "NODE_PATH",
                  INSTALL.resolve("node_modules").toAbsolutePath().toString()),
              120);

      assertThat(check.exitCode).as(check.output).isZero();
      assertThat(check.output)
          .contains("soap login ok 005 " + sf.httpsInstanceUrl().orElseThrow())
          .contains("create true")
          .contains("org 1 false")
          .contains("user demo@sfactions.local")
          .contains("composite 201,201")
          .containsPattern("bulk2 query rows [1-9]")
          .containsPattern("updated ids [1-9]");
      assertThat(sf.records("Account"))
          .anySatisfy(a -> assertThat(a.get("Name")).isEqualTo("jsforce over TLS"));
      assertThat(sf.records("Contact"))
          .anySatisfy(c -> assertThat(c.get("LastName")).isEqualTo("Kid"));
    }
  }

  private record Result(int exitCode, String output) {}

  private static Result run(List<String> command, Map<String, String> env, long timeoutSeconds)
      throws IOException, InterruptedException {
    Path log = Files.createTempFile("jsforce", ".log");
    try {
      ProcessBuilder builder =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .redirectInput(ProcessBuilder.Redirect.from(nullDevice()));
      builder.environment().putAll(env);
      Process process;
      try {
        process = builder.start();
      } catch (IOException notInstalled) {
        return new Result(-1, notInstalled.getMessage());
      }
      boolean ended = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
      if (!ended) {
        process.destroyForcibly().waitFor();
      }
      String output = Files.readString(log, StandardCharsets.UTF_8);
      return ended
          ? new Result(process.exitValue(), output)
          : new Result(-2, "timed out after " + timeoutSeconds + " s: " + output);
    } finally {
      Files.deleteIfExists(log);
    }
  }

  private static File nullDevice() {
    return new File(System.getProperty("os.name").startsWith("Windows") ? "NUL" : "/dev/null");
  }
}
