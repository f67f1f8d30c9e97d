package io.github.sfactions.spring.intake.impl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;

/**
 * Tomcat's error report for requests it refuses before any servlet sees them (an oversized request
 * header, a broken request line): for paths of the intake a JSON body like the intake's own errors,
 * with {@code 431} for an oversized header; for other paths Tomcat's page without report or server
 * details, as Spring Boot configures it.
 */
public final class IntakeErrorReportValve extends ErrorReportValve {

  /** HTTP 431 Request Header Fields Too Large. */
  public static final int HEADER_TOO_LARGE = 431;

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String HEADER_TOO_LARGE_TEXT =
      StringManager.getManager("org.apache.coyote.http11")
          .getString("iib.requestheadertoolarge.error");

  private final String pathPrefix;

  /**
   * A report valve answering JSON for request paths that start with this prefix (e.g. {@code
   * /v1/}).
   */
  public IntakeErrorReportValve(String pathPrefix) {
    this.pathPrefix = pathPrefix;
    setShowReport(false);
    setShowServerInfo(false);
  }

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    String uri = request.getRequestURI();
    if (uri == null || !uri.startsWith(pathPrefix)) {
      super.report(request, response, throwable);
      return;
    }
    if (response.getStatus() < 400
        || response.getContentWritten() > 0
        || !response.setErrorReported()) {
      return;
    }
    boolean headerTooLarge =
        throwable != null && HEADER_TOO_LARGE_TEXT.equals(throwable.getMessage());
    if (headerTooLarge) {
      response.setStatus(HEADER_TOO_LARGE);
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("success", false);
    body.put(
        "message",
        headerTooLarge
            ? "Request header is too large: the request line and headers may have at most the server's "
                + "max-http-request-header-size (8 KB unless configured)"
            : "The request was refused by the server before the intake could read it (HTTP "
                + response.getStatus()
                + ")");
    try {
      response.setContentType("application/json");
      response.setCharacterEncoding("UTF-8");
      OutputStream out = response.getOutputStream();
      out.write(MAPPER.writeValueAsBytes(body));
      response.finishResponse();
    } catch (IOException | IllegalStateException e) {
      // the connection is gone or the response cannot be written: nothing left to tell the sender
      IntakeLogger.errorAnswerNotWritten(e);
    }
  }
}
