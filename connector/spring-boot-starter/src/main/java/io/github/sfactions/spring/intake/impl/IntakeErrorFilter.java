package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Keeps the intake's JSON answer when the container sends an intake request to its error page
 * anyway (Tomcat does after a failed body read: a body that ended early, or did not arrive in
 * time). Mapped to error dispatches only; the error pages of other paths are left alone.
 */
public final class IntakeErrorFilter implements Filter {

  /** The request attribute holding the intake's message for the sender. */
  public static final String MESSAGE = IntakeErrorFilter.class.getName() + ".message";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final String pathPrefix;

  /** A filter for intake paths starting with this prefix (e.g. {@code /v1/}). */
  public IntakeErrorFilter(String pathPrefix) {
    this.pathPrefix = pathPrefix;
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    if (!(uri instanceof String path)
        || !path.startsWith(pathPrefix)
        || !(response instanceof HttpServletResponse http)
        || response.isCommitted()) {
      chain.doFilter(request, response);
      return;
    }
    Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    int code = status instanceof Integer s ? s : http.getStatus();
    Object message = request.getAttribute(MESSAGE);
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put(
        "message",
        message instanceof String text ? text : "The request failed (HTTP " + code + ")");
    http.resetBuffer();
    http.setStatus(code);
    http.setContentType("application/json");
    http.setCharacterEncoding("UTF-8");
    http.getOutputStream().write(MAPPER.writeValueAsBytes(body));
  }
}
