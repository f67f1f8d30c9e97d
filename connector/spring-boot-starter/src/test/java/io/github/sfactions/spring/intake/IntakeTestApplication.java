package io.github.sfactions.spring.intake;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the intake's HTTP tests: auto-configuration only, embedded Tomcat, no
 * component scan.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class IntakeTestApplication {}
