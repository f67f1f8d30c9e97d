package io.github.sfactions.emulator.impl.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import io.github.sfactions.emulator.RecordedRequest;
import io.github.sfactions.emulator.ResponseOverride;
import io.github.sfactions.emulator.impl.ApiException;
import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.ErrorCodes;
import io.github.sfactions.emulator.impl.auth.OAuthError;
import io.github.sfactions.emulator.impl.control.FormSecrets;
import io.github.sfactions.emulator.impl.control.RequestLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Entry point of both HTTP servers: reads the request (bounded), hands it to the routes, logs it,
 * and sends the reply — delayed by injected latency, dropped or withheld for injected network
 * faults — without ever holding a server thread while waiting.
 */
public final class Dispatcher implements HttpHandler {
  /** Which listener a request arrived on. */
  public enum Role {
    LOGIN,
    INSTANCE
  }

  private static final Logger LOG = Logger.getLogger(Dispatcher.class.getName());
  private static final String ADMIN_PREFIX = "/__emulator";

  private final Role role;
  private final EmulatorCore core;
  private final OAuthRoutes oauth;
  private final DataApi data;
  private final AdminRoutes admin;
  private final boolean secure;
  private final SoapLoginRoutes soap;

  public Dispatcher(
      Role role, EmulatorCore core, OAuthRoutes oauth, DataApi data, AdminRoutes admin) {
    this(role, false, core, oauth, data, admin);
  }

  /**
   * @param secure true for an HTTPS listener: links and {@code instance_url} then use the HTTPS
   *     URLs
   */
  public Dispatcher(
      Role role,
      boolean secure,
      EmulatorCore core,
      OAuthRoutes oauth,
      DataApi data,
      AdminRoutes admin) {
    this.secure = secure;
    this.soap = new SoapLoginRoutes(core);
    this.role = role;
    this.core = core;
    this.oauth = oauth;
    this.data = data;
    this.admin = admin;
  }

  @Override
  public void handle(HttpExchange exchange) {
    String rawPath = exchange.getRequestURI().getRawPath();
    String rawQuery = exchange.getRequestURI().getRawQuery();
    String method = exchange.getRequestMethod();
    Call call = null;
    Reply reply;
    String loggedBody = "";
    try {
      boolean stream = data.isStreamingUpload(method, rawPath);
      byte[] body =
          stream ? new byte[0] : readBounded(exchange.getRequestBody(), core.maxBodyBytes());
      call = new Call(method, rawPath, rawQuery, exchange.getRequestHeaders(), body);
      call.secure(secure);
      if (stream) {
        CapturingInputStream in =
            new CapturingInputStream(exchange.getRequestBody(), core.requestLog().maxBodyChars());
        call.upload(in);
        reply = route(call);
        loggedBody = in.captured();
      } else {
        loggedBody = call.bodyText();
        reply = route(call);
      }
    } catch (BodyTooLargeException e) {
      reply =
          Reply.error(
              413,
              ErrorCodes.REQUEST_ENTITY_TOO_LARGE,
              "Request body exceeds the maximum size of " + core.maxBodyBytes() + " bytes");
    } catch (ApiException e) {
      reply = Reply.errors(e);
    } catch (OAuthError e) {
      reply = OAuthRoutes.errorReply(e);
    } catch (IOException e) {
      reply = Reply.drop();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Unexpected emulator failure on " + method + " " + rawPath, e);
      reply =
          Reply.error(
              500,
              ErrorCodes.UNKNOWN_EXCEPTION,
              "An unexpected error occurred. Please include this ErrorId if you contact support: "
                  + Integer.toHexString(e.hashCode())
                  + " ("
                  + e.getClass().getSimpleName()
                  + ")");
    } finally {
      core.clearUser();
    }
    boolean isAdmin = rawPath.startsWith(ADMIN_PREFIX);
    if (!isAdmin) {
      reply = overridden(method, rawPath, reply);
    }
    if (!isAdmin) {
      int status = reply.isDrop() || reply.isHang() ? 0 : reply.status();
      core.requestLog()
          .add(
              new RecordedRequest(
                  Instant.now(),
                  method,
                  rawPath,
                  FormSecrets.mask(rawQuery == null ? "" : rawQuery),
                  RequestLog.redact(exchange.getRequestHeaders()),
                  core.requestLog().truncate(loggedBody),
                  status));
    }
    long delay =
        isAdmin || call == null ? 0 : core.faults().latencyMillis(method, rawPath, call.object());
    finish(exchange, reply, delay);
  }

  private Reply route(Call call) {
    String path = call.path();
    if (path.startsWith(ADMIN_PREFIX + "/") || path.equals(ADMIN_PREFIX)) {
      return admin.handle(call);
    }
    if (path.startsWith("/services/oauth2/") || path.startsWith("/id/")) {
      return oauth.handle(call);
    }
    if (SoapLoginRoutes.handles(path)) {
      return soap.handle(call);
    }
    if (path.startsWith("/services/data")) {
      if (role == Role.LOGIN && !DataApi.isVersionsList(path)) {
        return Reply.error(
            404,
            ErrorCodes.NOT_FOUND,
            "The requested resource does not exist on the login host; use the instance_url");
      }
      return data.handle(call);
    }
    return Reply.error(404, ErrorCodes.NOT_FOUND, "The requested resource does not exist");
  }

  /** The reply as a matching {@link ResponseOverride} rewrites it. */
  private Reply overridden(String method, String rawPath, Reply reply) {
    if (reply.isDrop() || reply.isHang()) {
      return reply;
    }
    boolean token = rawPath.startsWith("/services/oauth2/");
    return core.faults()
        .pickOverride(method, rawPath, token)
        .map(
            o -> {
              int status = o.status() == null ? reply.status() : o.status();
              if (o.body() == null) {
                return new Reply(status, reply.contentType(), reply.headers(), reply.body());
              }
              byte[] body = o.body().getBytes(StandardCharsets.UTF_8);
              return new Reply(status, body.length == 0 ? null : Reply.JSON, reply.headers(), body);
            })
        .orElse(reply);
  }

  private void finish(HttpExchange exchange, Reply reply, long delayMillis) {
    if (reply.isHang()) {
      core.scheduler()
          .schedule(exchange::close, core.faults().hangCapMillis(), TimeUnit.MILLISECONDS);
      return;
    }
    if (delayMillis > 0) {
      core.scheduler().schedule(() -> send(exchange, reply), delayMillis, TimeUnit.MILLISECONDS);
    } else {
      send(exchange, reply);
    }
  }

  private static void send(HttpExchange exchange, Reply reply) {
    try (exchange) {
      if (reply.isDrop()) {
        return;
      }
      Map<String, String> headers = new LinkedHashMap<>(reply.headers());
      if (reply.contentType() != null) {
        headers.put("Content-Type", reply.contentType());
      }
      headers.forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
      byte[] body = reply.body();
      boolean noBody =
          body.length == 0
              || reply.status() == 204
              || reply.status() == 304
              || "HEAD".equals(exchange.getRequestMethod());
      exchange.sendResponseHeaders(reply.status(), noBody ? -1 : body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (IOException e) {
      // The client went away; nothing left to tell it.
      LOG.log(Level.FINE, "Client closed the connection", e);
    }
  }

  private static byte[] readBounded(InputStream in, long max) throws IOException {
    byte[] data = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    if (data.length > max) {
      // Drain so the connection can be reused for the error answer.
      in.transferTo(OutputStream.nullOutputStream());
      throw new BodyTooLargeException();
    }
    return data;
  }

  private static final class BodyTooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    BodyTooLargeException() {
      super("body too large", null);
    }
  }
}
