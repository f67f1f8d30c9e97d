package io.github.sfactions.examples;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Camunda user sign the actuator requests with HTTP Basic: the request then carries the user
 * as principal and its Camunda groups as roles, which is what Actuator's {@code show-details:
 * when-authorized} and {@code roles} look at (no Spring Security in this app). A request without
 * credentials stays anonymous (a load balancer's health probe); wrong credentials are answered 401.
 */
public class ActuatorUserFilter extends OncePerRequestFilter {

  private final ProcessEngine engine;
  private final HttpBasicAuthenticationProvider basic = new HttpBasicAuthenticationProvider();

  /** A filter checking credentials against this engine's users. */
  public ActuatorUserFilter(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected void doFilterInternal(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (request.getHeader("Authorization") == null) {
      chain.doFilter(request, response);
      return;
    }
    // the REST API's own check: HTTP Basic, IdentityService#checkPassword
    AuthenticationResult result = basic.extractAuthenticatedUser(request, engine);
    if (!result.isAuthenticated()) {
      basic.augmentResponseByAuthenticationChallenge(response, engine);
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    String user = result.getAuthenticatedUser();
    Set<String> groups =
        engine.getIdentityService().createGroupQuery().groupMember(user).list().stream()
            .map(Group::getId)
            .collect(Collectors.toUnmodifiableSet());
    chain.doFilter(
        new HttpServletRequestWrapper(request) {
          @Override
          public Principal getUserPrincipal() {
            return () -> user;
          }

          @Override
          public String getRemoteUser() {
            return user;
          }

          @Override
          public boolean isUserInRole(String role) {
            return groups.contains(role);
          }
        },
        response);
  }
}
