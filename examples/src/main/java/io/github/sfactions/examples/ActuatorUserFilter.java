package io.github.sfactions.examples;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.Base64;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets a Camunda user sign the actuator requests with HTTP Basic: the request then carries the user as principal
 * and its Camunda groups as roles, which is what Actuator's {@code show-details: when-authorized} and
 * {@code roles} look at (no Spring Security in this app). A request without credentials stays anonymous (a load
 * balancer's health probe); wrong credentials are answered 401.
 */
public class ActuatorUserFilter extends OncePerRequestFilter {

  private static final String BASIC = "Basic ";

  private final IdentityService identity;

  /** A filter checking credentials against the engine's users. */
  public ActuatorUserFilter(IdentityService identity) {
    this.identity = identity;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String header = request.getHeader("Authorization");
    if (header == null) {
      chain.doFilter(request, response);
      return;
    }
    String user = authenticatedUser(header);
    if (user == null) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"sfactions\"");
      response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
      return;
    }
    Set<String> groups = identity.createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .collect(Collectors.toUnmodifiableSet());
    chain.doFilter(new HttpServletRequestWrapper(request) {
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
    }, response);
  }

  /** The user id when the header holds a Camunda user's valid credentials, else null. */
  private String authenticatedUser(String header) {
    if (!header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(BASIC.length()).trim()),
          StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon < 1) {
      return null;
    }
    String user = decoded.substring(0, colon);
    return identity.checkPassword(user, decoded.substring(colon + 1)) ? user : null;
  }
}
