package io.github.sfactions.emulator;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the emulator from the command line: {@code java -jar sfactions-emulator.jar --port 8443
 * [--instance-port N] [--config FILE] [--data FILE] [--daily-api-limit N] [--token-ttl SECONDS]
 * [--idle-timeout SECONDS] [--duplicate-rules]}.
 */
public final class EmulatorMain {
  static final String USAGE =
      """
            Usage: java -jar sfactions-emulator.jar [options]
              --port N             login (token) port, default 8443; 0 = a free port
              --instance-port N    instance (data) port, default port+1 (a free port when --port is 0)
              --config FILE        org configuration JSON (objects, fields, users, apps, limits, faults)
              --data FILE          keep records in this JSON file (loaded at start, saved on change)
              --daily-api-limit N  daily API request allocation (default 15000)
              --token-ttl SECONDS  access token lifetime from last use (default 7200)
              --idle-timeout SECONDS  close keep-alive connections idle this long (default: the JDK's 30-40 s)
              --duplicate-rules    turn on the Lead/Contact duplicate rule on Email
              --latency MS|MIN-MAX delay every response by MS, or by a random MIN..MAX milliseconds
              --fail TYPE:RATE     fail that share (0..1) of requests, e.g. SERVER_UNAVAILABLE:0.05 (repeatable)
              --bulk-records-per-second N  Bulk API 2.0 processing speed (default unthrottled)
              --https-port N       also serve HTTPS: login port N (0 = free), instance port N+1
              --https-instance-port N  HTTPS instance port (default https-port+1)
              --tls-dir DIR        keep the generated certificate here (default: beside --data,
                                   else ~/.sfactions-emulator)
              --tls-keystore FILE  serve this PKCS12 keystore instead (--tls-keystore-password PW)
              --tls-cert FILE --tls-key FILE  serve this PEM certificate chain and private key instead
              --soap-login         enable SOAP login() on /services/Soap/u/{version} (off as in new orgs)
              --sandbox            the org is a sandbox (Organization.IsSandbox = true)
              --help               this text""";
  private static final int DEFAULT_PORT = 8443;

  private EmulatorMain() {}

  public static void main(String[] args) throws InterruptedException {
    SalesforceEmulator emulator;
    try {
      emulator = start(args, System.out);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.err.println(USAGE);
      System.exit(2);
      return;
    }
    if (emulator == null) {
      return;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  emulator.close();
                  stopped.countDown();
                },
                "sf-emulator-shutdown"));
    stopped.await();
  }

  /** Parses the arguments, starts the emulator and prints its URLs; null for {@code --help}. */
  static SalesforceEmulator start(String[] args, PrintStream out) {
    SalesforceEmulator.Builder b = SalesforceEmulator.builder();
    int port = DEFAULT_PORT;
    Integer instancePort = null;
    EmulatorConfig.Latency latency = null;
    java.util.List<EmulatorConfig.FaultRule> rules = new java.util.ArrayList<>();
    Long bulkRate = null;
    Integer httpsPort = null;
    Integer httpsInstancePort = null;
    Path tlsDir = null;
    Path dataFile = null;
    Path tlsKeyStore = null;
    String tlsPassword = "";
    Path tlsCert = null;
    Path tlsKey = null;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "--help", "-h" -> {
          out.println(USAGE);
          return null;
        }
        case "--port" -> port = intArg(args, ++i, a);
        case "--instance-port" -> instancePort = intArg(args, ++i, a);
        case "--config" -> b.configFile(Path.of(arg(args, ++i, a)));
        case "--data" -> {
          dataFile = Path.of(arg(args, ++i, a));
          b.dataFile(dataFile);
        }
        case "--https-port" -> httpsPort = intArg(args, ++i, a);
        case "--https-instance-port" -> httpsInstancePort = intArg(args, ++i, a);
        case "--tls-dir" -> tlsDir = Path.of(arg(args, ++i, a));
        case "--tls-keystore" -> tlsKeyStore = Path.of(arg(args, ++i, a));
        case "--tls-keystore-password" -> tlsPassword = arg(args, ++i, a);
        case "--tls-cert" -> tlsCert = Path.of(arg(args, ++i, a));
        case "--tls-key" -> tlsKey = Path.of(arg(args, ++i, a));
        case "--soap-login" -> b.soapLogin(true);
        case "--sandbox" -> b.sandbox(true);
        case "--daily-api-limit" -> b.dailyApiLimit(Long.parseLong(arg(args, ++i, a)));
        case "--token-ttl" -> b.tokenTtl(Duration.ofSeconds(intArg(args, ++i, a)));
        case "--idle-timeout" -> b.idleTimeout(Duration.ofSeconds(intArg(args, ++i, a)));
        case "--duplicate-rules" -> b.duplicateRules(true);
        case "--latency" -> latency = latency(arg(args, ++i, a));
        case "--fail" -> rules.add(failRule(arg(args, ++i, a)));
        case "--bulk-records-per-second" -> bulkRate = (long) intArg(args, ++i, a);
        default -> throw new IllegalArgumentException("Unknown option: " + a);
      }
    }
    if (latency != null || !rules.isEmpty()) {
      b.faults(new EmulatorConfig.FaultSettings(latency, rules, null, null, null, null));
    }
    if (bulkRate != null) {
      b.bulk(new EmulatorConfig.Bulk(bulkRate, null, null));
    }
    b.port(port).instancePort(instancePort != null ? instancePort : port == 0 ? 0 : port + 1);
    if (httpsPort != null || httpsInstancePort != null || tlsKeyStore != null || tlsCert != null) {
      int hp = httpsPort == null ? 0 : httpsPort;
      b.httpsPort(hp)
          .httpsInstancePort(httpsInstancePort != null ? httpsInstancePort : hp == 0 ? 0 : hp + 1);
      if (tlsCert != null || tlsKey != null) {
        if (tlsCert == null || tlsKey == null) {
          throw new IllegalArgumentException("--tls-cert and --tls-key go together");
        }
        b.tlsPem(tlsCert, tlsKey);
      }
      b.tlsDirectory(
          tlsDir != null
              ? tlsDir
              : dataFile != null
                  ? dataFile.toAbsolutePath().getParent()
                  : Path.of(System.getProperty("user.home"), ".sfactions-emulator"));
      if (tlsKeyStore != null) {
        b.tlsKeyStore(tlsKeyStore, tlsPassword.toCharArray());
      }
    }
    SalesforceEmulator emulator = b.start();
    out.println("sfactions Salesforce emulator is running");
    out.println("  login URL:     " + emulator.loginUrl() + "   (POST /services/oauth2/token)");
    out.println("  instance URL:  " + emulator.instanceUrl() + "   (returned as instance_url)");
    out.println(
        "  connected app: client_id="
            + SalesforceEmulator.DEMO_CLIENT_ID
            + " client_secret="
            + SalesforceEmulator.DEMO_CLIENT_SECRET);
    out.println(
        "  user:          "
            + SalesforceEmulator.DEMO_USERNAME
            + " password="
            + SalesforceEmulator.DEMO_PASSWORD
            + " security token="
            + SalesforceEmulator.DEMO_SECURITY_TOKEN);
    emulator.httpsLoginUrl().ifPresent(u -> out.println("  HTTPS login:   " + u));
    emulator
        .httpsInstanceUrl()
        .ifPresent(
            u -> out.println("  HTTPS instance: " + u + "   (instance_url for logins over HTTPS)"));
    emulator
        .certificatePem()
        .ifPresent(
            p ->
                out.println(
                    "  certificate:   "
                        + p.toAbsolutePath()
                        + "   (trust it: docs/emulator.md#https)"));
    out.println("  admin:         " + emulator.instanceUrl() + "/__emulator/stats");
    out.flush();
    return emulator;
  }

  private static EmulatorConfig.Latency latency(String spec) {
    try {
      int dash = spec.indexOf('-');
      if (dash < 0) {
        return new EmulatorConfig.Latency(Long.parseLong(spec), null, null, null, null, null);
      }
      return new EmulatorConfig.Latency(
          null,
          Long.parseLong(spec.substring(0, dash)),
          Long.parseLong(spec.substring(dash + 1)),
          null,
          null,
          null);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--latency needs MS or MIN-MAX milliseconds");
    }
  }

  private static EmulatorConfig.FaultRule failRule(String spec) {
    int colon = spec.indexOf(':');
    String type = colon < 0 ? spec : spec.substring(0, colon);
    try {
      FaultType.valueOf(type);
      double rate = colon < 0 ? 1.0 : Double.parseDouble(spec.substring(colon + 1));
      return new EmulatorConfig.FaultRule(type, rate, null, null, null, null);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "--fail needs TYPE:RATE with TYPE one of "
              + java.util.Arrays.toString(FaultType.values()));
    }
  }

  private static String arg(String[] args, int i, String option) {
    if (i >= args.length) {
      throw new IllegalArgumentException("Missing value for " + option);
    }
    return args[i];
  }

  private static int intArg(String[] args, int i, String option) {
    try {
      return Integer.parseInt(arg(args, i, option));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + " needs a number");
    }
  }
}
