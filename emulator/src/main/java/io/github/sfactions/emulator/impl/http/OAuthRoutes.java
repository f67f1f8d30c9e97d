package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.auth.Endpoints;
import io.github.sfactions.emulator.impl.auth.OAuthError;
import io.github.sfactions.emulator.impl.auth.SessionStore;
import io.github.sfactions.emulator.impl.auth.UserDirectory;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /services/oauth2/token}, {@code /services/oauth2/revoke}, {@code
 * /services/oauth2/userinfo} and identity URLs.
 */
public final class OAuthRoutes {
  private static final String P_TOKEN = "token";
  private static final String TOKEN = "/services/oauth2/token";
  private static final String REVOKE = "/services/oauth2/revoke";
  private static final String USERINFO = "/services/oauth2/userinfo";
  private static final String FORM = "application/x-www-form-urlencoded";

  private final EmulatorCore core;

  public OAuthRoutes(EmulatorCore core) {
    this.core = core;
  }

  public Reply handle(Call call) {
    String path = trimSlash(call.path());
    Optional<Reply> fault =
        core.faults().pick(call.method(), path, null, true).map(FaultReplies::of);
    if (fault.isPresent()) {
      if (path.equals(TOKEN)) {
        core.counters().tokenRequest();
      }
      return fault.get();
    }
    Reply reply =
        switch (path) {
          case TOKEN -> token(call);
          case REVOKE -> revoke(call);
          case USERINFO -> identity(call, true);
          default ->
              path.startsWith("/id/")
                  ? identity(call, false)
                  : Reply.error(404, "NOT_FOUND", "The requested resource does not exist");
        };
    return FaultReplies.afterProcessing(core, call.method(), path, null, true).orElse(reply);
  }

  private Reply token(Call call) {
    core.counters().tokenRequest();
    if (!call.method().equals("POST")) {
      return errorReply(new OAuthError("invalid_request", "must use HTTP POST"));
    }
    Map<String, String> params = new LinkedHashMap<>(formParams(call));
    call.query().forEach(params::putIfAbsent);
    return Reply.json(
        200,
        core.tokens()
            .token(
                params,
                basicCredentials(call.header("Authorization")),
                core.endpoints(call.secure())));
  }

  private static Map<String, String> formParams(Call call) {
    String ct = call.contentType().toLowerCase(Locale.ROOT);
    if (call.body().length == 0 || (!ct.isEmpty() && !ct.startsWith(FORM))) {
      return Map.of();
    }
    return Call.parseQuery(new String(call.body(), StandardCharsets.UTF_8).trim());
  }

  private static String[] basicCredentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    try {
      String decoded =
          new String(
              Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
      int colon = decoded.indexOf(':');
      return colon < 0
          ? null
          : new String[] {
            java.net.URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
            java.net.URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)
          };
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Reply revoke(Call call) {
    Map<String, String> params = new LinkedHashMap<>(formParams(call));
    call.query().forEach(params::putIfAbsent);
    if (core.sessions().revoke(params.get(P_TOKEN))) {
      return Reply.empty(200);
    }
    return errorReply(new OAuthError("unsupported_token_type", "this token type is not supported"));
  }

  private Reply identity(Call call, boolean userinfo) {
    Optional<SessionStore.Session> session = core.sessions().validate(DataApi.bearer(call));
    if (session.isEmpty()) {
      return userinfo
          ? Reply.text(403, "text/plain;charset=UTF-8", "Bad_OAuth_Token")
          : DataApi.invalidSession();
    }
    UserDirectory.OrgUser user = core.users().byId(session.get().userId()).orElseThrow();
    List<String> seg = call.segments();
    if (!userinfo
        && (seg.size() != 3
            || !seg.get(2).equalsIgnoreCase(user.id()) && !user.id().startsWith(seg.get(2)))) {
      return Reply.error(403, "Forbidden", "Bad_Id");
    }
    Map<String, Object> out = new LinkedHashMap<>();
    Endpoints ep = core.endpoints(call.secure());
    String idUrl = core.tokens().identityUrl(user.id(), ep);
    if (userinfo) {
      out.put("sub", idUrl);
      out.put("user_id", user.id());
      out.put("organization_id", core.orgId18());
      out.put("preferred_username", user.username());
      out.put("name", user.displayName());
      out.put("email", user.email());
    } else {
      out.put("id", idUrl);
      out.put("asserted_user", true);
      out.put("user_id", user.id());
      out.put("organization_id", core.orgId18());
      out.put("username", user.username());
      out.put("nick_name", user.username().split("@")[0]);
      out.put("display_name", user.displayName());
      out.put("email", user.email());
      out.put("first_name", user.firstName());
      out.put("last_name", user.lastName());
      out.put("active", true);
      out.put("user_type", "STANDARD");
      out.put("language", "en_US");
      out.put("locale", "en_US");
      out.put("utcOffset", 0);
    }
    Map<String, String> urls = new LinkedHashMap<>();
    String base = ep.instanceUrl() + "/services/data/v{version}/";
    urls.put(
        "enterprise",
        ep.instanceUrl() + "/services/Soap/c/{version}/" + core.orgId18().substring(0, 15));
    urls.put(
        "partner",
        ep.instanceUrl() + "/services/Soap/u/{version}/" + core.orgId18().substring(0, 15));
    urls.put("rest", base);
    urls.put("sobjects", base + "sobjects/");
    urls.put("query", base + "query/");
    urls.put("limits", base + "limits/");
    out.put("urls", urls);
    return Reply.json(200, out);
  }

  static Reply errorReply(OAuthError e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("error", e.error());
    body.put("error_description", e.description());
    return Reply.json(e.status(), body);
  }

  private static String trimSlash(String p) {
    return p.length() > 1 && p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
  }
}
