package io.github.sfactions.spring.intake.impl;

import org.apache.catalina.Container;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;

/**
 * Puts the {@link IntakeErrorReportValve} in place of the embedded Tomcat's error report valve.
 * Runs after Spring Boot's own customizer, which adds the valve it configures, and replaces that
 * one.
 */
public final class IntakeTomcatCustomizer
    implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

  private final String pathPrefix;

  /** A customizer for intake paths starting with this prefix (e.g. {@code /v1/}). */
  public IntakeTomcatCustomizer(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    factory.addContextCustomizers(
        context -> {
          Container host = context.getParent();
          for (Valve valve : host.getPipeline().getValves()) {
            if (valve instanceof ErrorReportValve) {
              host.getPipeline().removeValve(valve);
            }
          }
          host.getPipeline().addValve(new IntakeErrorReportValve(pathPrefix));
          if (host instanceof StandardHost standardHost) {
            // the host adds a valve of this class when it has none: it has one now
            standardHost.setErrorReportValveClass(IntakeErrorReportValve.class.getName());
          }
        });
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }
}
