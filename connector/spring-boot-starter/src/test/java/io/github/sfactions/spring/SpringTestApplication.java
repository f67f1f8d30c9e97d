package io.github.sfactions.spring;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** The application of the Spring Boot tests: auto-configuration only, no component scan. */
@SpringBootConfiguration
@EnableAutoConfiguration
class SpringTestApplication {}
