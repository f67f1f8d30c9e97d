package io.github.sfactions.examples;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The REST API ({@code /engine-rest}) has no authentication of its own: require HTTP Basic with a
 * Camunda user (the webapps have their own login). Together with {@code
 * camunda.bpm.authorization.enabled=true} a caller sees and does only what its user is authorized
 * for. The actuator endpoints accept the same credentials, optionally: health details are shown
 * only to members of {@code camunda-admin} (see application.yaml).
 */
@Configuration(proxyBeanMethods = false)
public class RestApiSecurityConfiguration {

  /** Basic authentication on every REST path. */
  @Bean
  public FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication() {
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration =
        new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.setName("camunda-rest-authentication");
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter(
        ProcessEngineAuthenticationFilter.AUTHENTICATION_PROVIDER_PARAM,
        HttpBasicAuthenticationProvider.class.getName());
    return registration;
  }

  /** Optional HTTP Basic with a Camunda user on the actuator endpoints. */
  @Bean
  public FilterRegistrationBean<ActuatorUserFilter> actuatorUser(ProcessEngine engine) {
    FilterRegistrationBean<ActuatorUserFilter> registration =
        new FilterRegistrationBean<>(new ActuatorUserFilter(engine));
    registration.setName("actuator-camunda-user");
    registration.addUrlPatterns("/actuator/*");
    return registration;
  }
}
