package io.github.sfactions.examples;

import io.github.sfactions.emulator.SalesforceEmulator;
import io.github.sfactions.spring.intake.SegmentIntakeProperties;
import java.util.Arrays;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Prints where everything is once the app is ready: Cockpit, the intake endpoint, the write key
 * (only in the {@code demo} profile, where it is the public demo key), the emulated org's record
 * browser and a command that sends the sample events.
 */
@Component
public class StartupBanner {

  /** The profile with the built-in demo credentials. */
  public static final String DEMO_PROFILE = "demo";

  private static final Logger LOG = LoggerFactory.getLogger(StartupBanner.class);

  private final Environment environment;
  private final ObjectProvider<SalesforceEmulator> emulator;
  private final ObjectProvider<SegmentIntakeProperties> intake;
  private final CamundaBpmProperties camunda;

  /** A banner for this app. */
  public StartupBanner(
      Environment environment,
      ObjectProvider<SalesforceEmulator> emulator,
      ObjectProvider<SegmentIntakeProperties> intake,
      CamundaBpmProperties camunda) {
    this.environment = environment;
    this.emulator = emulator;
    this.intake = intake;
    this.camunda = camunda;
  }

  /** Prints the banner. */
  @EventListener
  public void onReady(ApplicationReadyEvent event) {
    if (!(event.getApplicationContext() instanceof WebServerApplicationContext web)
        || web.getWebServer() == null) {
      return;
    }
    LOG.info("{}", text(web.getWebServer().getPort()));
  }

  /** The banner text for an app listening on this port. */
  String text(int port) {
    boolean demo = Arrays.asList(environment.getActiveProfiles()).contains(DEMO_PROFILE);
    String base = "http://localhost:" + port;
    String webapp = camunda.getWebapp().getApplicationPath();
    StringBuilder sb = new StringBuilder("\n\n  sfactions examples are running\n");
    sb.append("  Cockpit:       ").append(base).append(webapp).append("/app/cockpit/");
    if (demo && camunda.getAdminUser() != null) {
      sb.append("   (user ")
          .append(camunda.getAdminUser().getId())
          .append(", password ")
          .append(camunda.getAdminUser().getPassword())
          .append(")");
    }
    sb.append('\n');
    sb.append("  Tasklist:      ").append(base).append(webapp).append("/app/tasklist/\n");
    sb.append("  REST API:      ")
        .append(base)
        .append("/engine-rest   (HTTP Basic, a Camunda user)\n");
    SegmentIntakeProperties intakeProperties = intake.getIfAvailable();
    if (intakeProperties != null && intakeProperties.isEnabled()) {
      String path = intakeProperties.getPath();
      sb.append("  Event intake:  ")
          .append(base)
          .append(path)
          .append("/{identify,track,group,page,screen,alias,batch,replay}\n");
      sb.append("  Write key:     ")
          .append(demo ? intakeProperties.getWriteKey() : "(configured, not shown)")
          .append('\n');
      sb.append("  Send samples:  curl -u ")
          .append(demo ? intakeProperties.getWriteKey() : "$WRITE_KEY")
          .append(": --data-binary @examples/events/demo.jsonl ")
          .append(base)
          .append(path)
          .append("/replay\n");
    }
    SalesforceEmulator org = emulator.getIfAvailable();
    if (org != null) {
      sb.append("  Salesforce:    emulated org at ").append(org.loginUrl()).append('\n');
      sb.append("  Records:       ")
          .append(org.instanceUrl())
          .append("/__emulator/records/Lead   (also Account, ")
          .append("Contact, Opportunity, Case)\n");
    } else {
      sb.append("  Salesforce:    the org of sfactions.connections.* (no emulator started)\n");
    }
    return sb.toString();
  }
}
