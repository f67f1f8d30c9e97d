package io.github.sfactions.examples;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;

/**
 * The sfactions demo: a Camunda 7 engine with Cockpit, Tasklist and the REST API, the
 * Segment-compatible event intake, example processes that write to Salesforce, and (unless a real
 * org is configured) an emulated Salesforce org in the same JVM.
 */
@SpringBootApplication
@EnableConfigurationProperties(ExamplesProperties.class)
public class ExamplesApplication {

  /** Starts the app; see README.md for the profiles and properties. */
  public static void main(String[] args) {
    SpringApplication.run(ExamplesApplication.class, args);
  }
}
