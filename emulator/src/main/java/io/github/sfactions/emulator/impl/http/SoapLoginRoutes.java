package io.github.sfactions.emulator.impl.http;

import io.github.sfactions.emulator.impl.EmulatorCore;
import io.github.sfactions.emulator.impl.auth.Endpoints;
import io.github.sfactions.emulator.impl.auth.UserDirectory;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * SOAP API {@code login()} on the partner ({@code /services/Soap/u/{version}}) and enterprise
 * ({@code /services/Soap/c/{version}}) endpoints. Off unless the org enables it, as in orgs created
 * from Winter '26 on; not available from API version 65.0. A successful login answers the {@code
 * loginResponse} with a session id that is also a REST bearer token; failures are SOAP faults (HTTP
 * 500, {@code text/xml}).
 */
public final class SoapLoginRoutes {
  private static final Pattern PATH =
      Pattern.compile("/services/Soap/([uc])/(\\d+)\\.0(/[A-Za-z0-9]*)?/?");
  private static final String XML = "text/xml;charset=UTF-8";
  private static final String ENVELOPE_NS = "http://schemas.xmlsoap.org/soap/envelope/";
  private static final int FIRST_VERSION = 31;
  private static final int FIRST_VERSION_WITHOUT_LOGIN = 65;
  static final String DISABLED_MESSAGE =
      "SOAP API login() is disabled by default in this org. An administrator"
          + " can enable it in Setup, User Interface: Enable SOAP API login().";

  private final EmulatorCore core;

  public SoapLoginRoutes(EmulatorCore core) {
    this.core = core;
  }

  public static boolean handles(String path) {
    return path.startsWith("/services/Soap/");
  }

  public Reply handle(Call call) {
    Matcher m = PATH.matcher(call.path());
    if (!m.matches()) {
      return Reply.error(404, "NOT_FOUND", "The requested resource does not exist");
    }
    String ns =
        m.group(1).equals("u") ? "urn:partner.soap.sforce.com" : "urn:enterprise.soap.sforce.com";
    String faultNs =
        m.group(1).equals("u")
            ? "urn:fault.partner.soap.sforce.com"
            : "urn:fault.enterprise.soap.sforce.com";
    int version = Integer.parseInt(m.group(2));
    if (!call.method().equals("POST")) {
      return DataApi.methodNotAllowed(call, "POST");
    }
    core.counters().tokenRequest();
    if (version < FIRST_VERSION || version > EmulatorCore.MAX_VERSION) {
      return fault(
          faultNs,
          "UNSUPPORTED_API_VERSION",
          "UnexpectedErrorFault",
          "Invalid Api version specified on URL");
    }
    Optional<Element> login = loginElement(call.body());
    if (login.isEmpty()) {
      return fault(
          faultNs,
          "INVALID_OPERATION",
          "UnexpectedErrorFault",
          "The emulator's SOAP API answers login() only; the request body is not a SOAP login request");
    }
    if (version >= FIRST_VERSION_WITHOUT_LOGIN) {
      return fault(
          faultNs,
          "INVALID_OPERATION",
          "UnexpectedErrorFault",
          "login() is not available in API version "
              + FIRST_VERSION_WITHOUT_LOGIN
              + ".0 and later");
    }
    if (!core.soapLoginEnabled()) {
      return fault(faultNs, "INVALID_OPERATION", "UnexpectedErrorFault", DISABLED_MESSAGE);
    }
    String username = child(login.get(), "username");
    String password = child(login.get(), "password");
    Optional<UserDirectory.OrgUser> user = core.tokens().authenticate(username, password);
    if (user.isEmpty()) {
      return fault(
          faultNs,
          "INVALID_LOGIN",
          "LoginFault",
          "Invalid username, password, security token; or user locked out.");
    }
    return Reply.text(
        200,
        XML,
        loginResponse(ns, m.group(1), version + ".0", user.get(), core.endpoints(call.secure())));
  }

  private static Optional<Element> loginElement(byte[] body) {
    try {
      DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
      f.setNamespaceAware(true);
      f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      f.setExpandEntityReferences(false);
      DocumentBuilder b = f.newDocumentBuilder();
      b.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
      Document doc = b.parse(new ByteArrayInputStream(body));
      NodeList bodies = doc.getElementsByTagNameNS(ENVELOPE_NS, "Body");
      if (bodies.getLength() == 0) {
        return Optional.empty();
      }
      NodeList logins = ((Element) bodies.item(0)).getElementsByTagNameNS("*", "login");
      return logins.getLength() == 0 ? Optional.empty() : Optional.of((Element) logins.item(0));
    } catch (ParserConfigurationException | SAXException | IOException e) {
      return Optional.empty();
    }
  }

  private static String child(Element parent, String name) {
    NodeList n = parent.getElementsByTagNameNS("*", name);
    return n.getLength() == 0 ? null : n.item(0).getTextContent();
  }

  private String loginResponse(
      String ns, String kind, String version, UserDirectory.OrgUser user, Endpoints ep) {
    String org15 = core.orgId18().substring(0, 15);
    StringBuilder x = new StringBuilder(1500);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\"")
        .append(ENVELOPE_NS)
        .append("\" xmlns=\"")
        .append(ns)
        .append(
            "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"><soapenv:Body><loginResponse><result>");
    el(x, "metadataServerUrl", ep.instanceUrl() + "/services/Soap/m/" + version + "/" + org15);
    el(x, "passwordExpired", "false");
    el(x, "sandbox", Boolean.toString(core.sandbox()));
    el(x, "serverUrl", ep.instanceUrl() + "/services/Soap/" + kind + "/" + version + "/" + org15);
    el(x, "sessionId", core.tokens().issueSession(user));
    el(x, "userId", user.id());
    x.append("<userInfo>");
    for (String[] kv :
        List.of(
            new String[] {"accessibilityMode", "false"},
            new String[] {"chatterExternal", "false"},
            new String[] {"currencySymbol", "$"},
            new String[] {"orgAttachmentFileSizeLimit", "5242880"},
            new String[] {"orgDefaultCurrencyIsoCode", "USD"},
            new String[] {"orgDisallowHtmlAttachments", "false"},
            new String[] {"orgHasPersonAccounts", "false"},
            new String[] {"organizationId", core.orgId18()},
            new String[] {"organizationMultiCurrency", "false"},
            new String[] {"organizationName", "sfactions emulator"},
            new String[] {"sessionSecondsValid", Long.toString(core.sessions().ttl().toSeconds())},
            new String[] {"userEmail", user.email()},
            new String[] {"userFullName", user.displayName()},
            new String[] {"userId", user.id()},
            new String[] {"userLanguage", "en_US"},
            new String[] {"userLocale", "en_US"},
            new String[] {"userName", user.username()},
            new String[] {"userTimeZone", "GMT"},
            new String[] {"userType", "Standard"},
            new String[] {"userUiSkin", "Theme3"})) {
      el(x, kv[0], kv[1]);
    }
    x.append("</userInfo></result></loginResponse></soapenv:Body></soapenv:Envelope>");
    return x.toString();
  }

  private static void el(StringBuilder x, String name, String value) {
    x.append('<')
        .append(name)
        .append('>')
        .append(escape(value))
        .append("</")
        .append(name)
        .append('>');
  }

  private static String escape(String s) {
    return s == null
        ? ""
        : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  /**
   * A SOAP fault as Salesforce sends it: faultcode {@code sf:CODE}, faultstring {@code CODE:
   * message}.
   */
  private static Reply fault(String faultNs, String code, String faultType, String message) {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><soapenv:Envelope xmlns:soapenv=\""
            + ENVELOPE_NS
            + "\" xmlns:sf=\""
            + faultNs
            + "\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">"
            + "<soapenv:Body><soapenv:Fault><faultcode>sf:"
            + code
            + "</faultcode><faultstring>"
            + code
            + ": "
            + escape(message)
            + "</faultstring><detail><sf:"
            + faultType
            + " xsi:type=\"sf:"
            + faultType
            + "\"><sf:exceptionCode>"
            + code
            + "</sf:exceptionCode><sf:exceptionMessage>"
            + escape(message)
            + "</sf:exceptionMessage></sf:"
            + faultType
            + "></detail></soapenv:Fault></soapenv:Body>"
            + "</soapenv:Envelope>";
    return Reply.text(500, XML, xml);
  }
}
