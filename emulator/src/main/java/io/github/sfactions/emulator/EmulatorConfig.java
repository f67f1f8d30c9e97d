package io.github.sfactions.emulator;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Configuration of an emulated org, readable from JSON (see docs/emulator.md). Every component may
 * be null, meaning "the default". The demo connected app and demo user are always present unless
 * {@code includeDemo} is false.
 *
 * @param includeDemo add the demo connected app and user (default true)
 * @param tokenTtlSeconds access token lifetime measured from last use (default 7200)
 * @param dailyApiLimit daily API request allocation (default 15000)
 * @param duplicateRules Lead and Contact duplicate rule on Email active (default false)
 * @param maxRequestBodyBytes largest accepted non-bulk request body (default 50 MB)
 * @param connectedApps extra connected apps
 * @param users extra users
 * @param objects custom objects, or extra fields on standard objects (same name)
 * @param records seed records per object, created at start and after every reset
 * @param faults faults and latency active from the start
 * @param bulk Bulk API 2.0 processing settings
 * @param requestLog request log bounds
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EmulatorConfig(
    Boolean includeDemo,
    Long tokenTtlSeconds,
    Long dailyApiLimit,
    Boolean duplicateRules,
    Long maxRequestBodyBytes,
    List<ConnectedApp> connectedApps,
    List<User> users,
    List<SObject> objects,
    Map<String, List<Map<String, Object>>> records,
    FaultSettings faults,
    Bulk bulk,
    RequestLog requestLog) {

  private static final ObjectMapper MAPPER =
      new ObjectMapper()
          .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, true)
          .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

  /** The plain demo org. */
  public static EmulatorConfig defaults() {
    return new EmulatorConfig(
        null, null, null, null, null, null, null, null, null, null, null, null);
  }

  /** Reads a JSON configuration file. */
  public static EmulatorConfig fromJson(Path file) {
    try {
      return MAPPER.readValue(Files.readAllBytes(file), EmulatorConfig.class);
    } catch (IOException e) {
      throw new UncheckedIOException(
          "Cannot read emulator config " + file + ": " + e.getMessage(), e);
    }
  }

  /** Parses JSON configuration text. */
  public static EmulatorConfig fromJson(String json) {
    try {
      return MAPPER.readValue(json, EmulatorConfig.class);
    } catch (IOException e) {
      throw new IllegalArgumentException("Invalid emulator config: " + e.getMessage(), e);
    }
  }

  /** This configuration as JSON. */
  public String toJson() {
    try {
      return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(this);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public boolean demoIncluded() {
    return includeDemo == null || includeDemo;
  }

  public EmulatorConfig withObject(SObject object) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        users,
        append(objects, object),
        records,
        faults,
        bulk,
        requestLog);
  }

  public EmulatorConfig withUser(User user) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        append(users, user),
        objects,
        records,
        faults,
        bulk,
        requestLog);
  }

  public EmulatorConfig withConnectedApp(ConnectedApp app) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        append(connectedApps, app),
        users,
        objects,
        records,
        faults,
        bulk,
        requestLog);
  }

  public EmulatorConfig withTokenTtlSeconds(long seconds) {
    return new EmulatorConfig(
        includeDemo,
        seconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        users,
        objects,
        records,
        faults,
        bulk,
        requestLog);
  }

  public EmulatorConfig withDailyApiLimit(long max) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        max,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        users,
        objects,
        records,
        faults,
        bulk,
        requestLog);
  }

  public EmulatorConfig withDuplicateRules(boolean on) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        on,
        maxRequestBodyBytes,
        connectedApps,
        users,
        objects,
        records,
        faults,
        bulk,
        requestLog);
  }

  public EmulatorConfig withMaxRequestBodyBytes(long max) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        max,
        connectedApps,
        users,
        objects,
        records,
        faults,
        bulk,
        requestLog);
  }

  public EmulatorConfig withFaults(FaultSettings f) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        users,
        objects,
        records,
        f,
        bulk,
        requestLog);
  }

  public EmulatorConfig withBulk(Bulk b) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        users,
        objects,
        records,
        faults,
        b,
        requestLog);
  }

  public EmulatorConfig withRequestLog(RequestLog r) {
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        users,
        objects,
        records,
        faults,
        bulk,
        r);
  }

  /** Adds a seed record, created at start and after every reset. */
  public EmulatorConfig withRecord(String sobject, Map<String, Object> fields) {
    Map<String, List<Map<String, Object>>> copy = new LinkedHashMap<>();
    if (records != null) {
      records.forEach((k, v) -> copy.put(k, new ArrayList<>(v)));
    }
    copy.computeIfAbsent(sobject, k -> new ArrayList<>()).add(fields);
    return new EmulatorConfig(
        includeDemo,
        tokenTtlSeconds,
        dailyApiLimit,
        duplicateRules,
        maxRequestBodyBytes,
        connectedApps,
        users,
        objects,
        copy,
        faults,
        bulk,
        requestLog);
  }

  private static <T> List<T> append(List<T> list, T item) {
    List<T> copy = list == null ? new ArrayList<>() : new ArrayList<>(list);
    copy.add(item);
    return copy;
  }

  /**
   * A connected app.
   *
   * @param jwtPublicKeyPem PEM public key (or X.509 certificate) for the JWT bearer flow; null
   *     disables it
   * @param runAsUsername the client-credentials "Run As" user; null disables that flow
   * @param rotateRefreshTokens issue a new refresh token on every refresh
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ConnectedApp(
      String clientId,
      String clientSecret,
      String jwtPublicKeyPem,
      String runAsUsername,
      Boolean rotateRefreshTokens) {}

  /** A user who can log in; {@code securityToken} null means none is appended. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record User(
      String username,
      String password,
      String securityToken,
      String firstName,
      String lastName,
      String email) {
    public User(String username, String password, String securityToken) {
      this(username, password, securityToken, null, null, null);
    }
  }

  /** A custom object ({@code Foo__c}) or extra fields on a standard object of the same name. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record SObject(
      String name, String label, String labelPlural, String keyPrefix, List<Field> fields) {
    public SObject(String name, List<Field> fields) {
      this(name, null, null, null, fields);
    }
  }

  /**
   * A field. {@code type} is a describe type name (string, textarea, email, phone, url, picklist,
   * multipicklist, boolean, int, double, currency, percent, date, datetime, reference); null means
   * string. Null components mean "the type's default". Build one in code with {@link
   * #builder(String)}; the canonical constructor is what JSON loading uses. Either way the
   * components are checked on construction, so a picklist without values or a negative length fails
   * where it is written, naming the field.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Field(
      String name,
      String type,
      String label,
      Integer length,
      Integer precision,
      Integer scale,
      Boolean required,
      Boolean externalId,
      Boolean unique,
      Boolean caseSensitive,
      Boolean filterable,
      List<String> picklistValues,
      Boolean restrictedPicklist,
      String referenceTo,
      Object defaultValue) {

    private static final String PICKLIST = "picklist";
    private static final String MULTIPICKLIST = "multipicklist";
    private static final String REFERENCE = "reference";

    public Field {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("A configured field needs a name");
      }
      if (length != null && length <= 0) {
        throw invalid(name, "length must be positive, was " + length);
      }
      if (precision != null && precision <= 0) {
        throw invalid(name, "precision must be positive, was " + precision);
      }
      if (scale != null && (scale < 0 || (precision != null && scale > precision))) {
        throw invalid(
            name, "scale must be between 0 and the precision (" + precision + "), was " + scale);
      }
      boolean picklist = isType(type, PICKLIST) || isType(type, MULTIPICKLIST);
      if (picklist && (picklistValues == null || picklistValues.isEmpty())) {
        throw invalid(name, "a " + type + " needs at least one picklist value");
      }
      if (!picklist && (picklistValues != null || restrictedPicklist != null)) {
        throw invalid(
            name,
            "picklist values need type picklist or multipicklist, not "
                + (type == null ? "string" : type));
      }
      if (picklistValues != null) {
        picklistValues = checkedValues(name, picklistValues);
      }
      boolean reference = isType(type, REFERENCE);
      if (reference && (referenceTo == null || referenceTo.isBlank())) {
        throw invalid(name, "a reference needs referenceTo (the object it points to)");
      }
      if (!reference && referenceTo != null) {
        throw invalid(
            name, "referenceTo needs type reference, not " + (type == null ? "string" : type));
      }
    }

    /** Starts a field; without further settings it is a 255-character text field. */
    public static Builder builder(String name) {
      return new Builder(name);
    }

    /** A text field. */
    public static Field text(String name, int length) {
      return builder(name).type("string").length(length).build();
    }

    /** A unique, case-insensitive external id text field. */
    public static Field externalId(String name) {
      return builder(name)
          .type("string")
          .length(255)
          .externalId()
          .unique(true)
          .caseSensitive(false)
          .build();
    }

    /** A field of any type. */
    public static Field of(String name, String type) {
      return builder(name).type(type).build();
    }

    public Field asRequired() {
      return toBuilder().required().build();
    }

    /** A builder holding this field's settings, to derive a variant. */
    public Builder toBuilder() {
      Builder b = new Builder(name);
      b.type = type;
      b.label = label;
      b.length = length;
      b.precision = precision;
      b.scale = scale;
      b.required = required;
      b.externalId = externalId;
      b.unique = unique;
      b.caseSensitive = caseSensitive;
      b.filterable = filterable;
      b.picklistValues = picklistValues;
      b.restrictedPicklist = restrictedPicklist;
      b.referenceTo = referenceTo;
      b.defaultValue = defaultValue;
      return b;
    }

    private static boolean isType(String type, String wanted) {
      return type != null && type.equalsIgnoreCase(wanted);
    }

    private static List<String> checkedValues(String name, List<String> values) {
      List<String> seen = new ArrayList<>();
      for (String v : values) {
        if (v == null || v.isBlank()) {
          throw invalid(name, "picklist values must not be blank");
        }
        if (seen.stream().anyMatch(v::equalsIgnoreCase)) {
          throw invalid(name, "picklist value '" + v + "' is listed twice");
        }
        seen.add(v);
      }
      return List.copyOf(seen);
    }

    private static IllegalArgumentException invalid(String name, String problem) {
      return new IllegalArgumentException("Field " + name + ": " + problem);
    }

    /**
     * Fluent construction of a {@link Field}. Settings left out keep the emulator's defaults: type
     * string, the type's length, optional, not an external id, filterable unless a long textarea.
     */
    public static final class Builder {
      private final String name;
      private String type;
      private String label;
      private Integer length;
      private Integer precision;
      private Integer scale;
      private Boolean required;
      private Boolean externalId;
      private Boolean unique;
      private Boolean caseSensitive;
      private Boolean filterable;
      private List<String> picklistValues;
      private Boolean restrictedPicklist;
      private String referenceTo;
      private Object defaultValue;

      private Builder(String name) {
        this.name = name;
      }

      /** The describe type name, e.g. {@code currency} (default string). */
      public Builder type(String v) {
        type = v;
        return this;
      }

      public Builder label(String v) {
        label = v;
        return this;
      }

      /** Maximum characters of a text field (a textarea over 255 is a long, unfilterable one). */
      public Builder length(int v) {
        length = v;
        return this;
      }

      /** Total and fractional digits of a number field. */
      public Builder precision(int digits, int fractionDigits) {
        precision = digits;
        scale = fractionDigits;
        return this;
      }

      public Builder required() {
        required = true;
        return this;
      }

      /** An external id; unique and case-insensitive unless {@link #unique} says otherwise. */
      public Builder externalId() {
        externalId = true;
        return this;
      }

      /** Whether two records may share a value (false lets an upsert by it answer 300). */
      public Builder unique(boolean v) {
        unique = v;
        return this;
      }

      public Builder caseSensitive(boolean v) {
        caseSensitive = v;
        return this;
      }

      /** Whether SOQL may filter and sort by the field. */
      public Builder filterable(boolean v) {
        filterable = v;
        return this;
      }

      /**
       * A picklist (type picklist unless multipicklist was set) with these values, unrestricted.
       */
      public Builder picklist(String... values) {
        if (!isType(type, MULTIPICKLIST)) {
          type = PICKLIST;
        }
        picklistValues = Arrays.asList(values);
        return this;
      }

      /** Rejects values outside the picklist (Salesforce's restricted picklist). */
      public Builder restricted() {
        restrictedPicklist = true;
        return this;
      }

      /** A lookup to {@code object} (type reference). */
      public Builder referenceTo(String object) {
        type = REFERENCE;
        referenceTo = object;
        return this;
      }

      /** The value a create without this field stores (a number, boolean or text). */
      public Builder defaultValue(Object v) {
        defaultValue = v;
        return this;
      }

      /** The field; throws {@link IllegalArgumentException} naming the field when inconsistent. */
      public Field build() {
        return new Field(
            name,
            type,
            label,
            length,
            precision,
            scale,
            required,
            externalId,
            unique,
            caseSensitive,
            filterable,
            picklistValues,
            restrictedPicklist,
            referenceTo,
            defaultValue);
      }
    }
  }

  /** Faults and latency (also the body of {@code POST /__emulator/faults}). */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FaultSettings(
      Latency latency,
      List<FaultRule> rules,
      Long dailyApiLimit,
      Boolean expireSessions,
      Boolean clear,
      Long hangCapMillis,
      List<RowFault> rowFaults) {
    /** Request-level settings without row faults. */
    public FaultSettings(
        Latency latency,
        List<FaultRule> rules,
        Long dailyApiLimit,
        Boolean expireSessions,
        Boolean clear,
        Long hangCapMillis) {
      this(latency, rules, dailyApiLimit, expireSessions, clear, hangCapMillis, null);
    }
  }

  /**
   * A failure injected into single records of Bulk API 2.0 jobs and sObject Collections calls (the
   * request itself succeeds): {@code errorCode} such as {@code UNABLE_TO_LOCK_ROW} or {@code
   * DUPLICATES_DETECTED}, an optional {@code message}, with probability {@code rate} (default 1),
   * at most {@code count} times, optionally only for one {@code object}.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record RowFault(
      String errorCode, String message, Double rate, Integer count, String object) {}

  /** Injected latency: {@code fixedMs} plus a random amount in [{@code minMs}, {@code maxMs}]. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Latency(
      Long fixedMs, Long minMs, Long maxMs, String path, String object, String method) {}

  /**
   * An injected failure; {@code type} is a {@link FaultType} name. Fires with probability {@code
   * rate} (default 1) on matching requests, at most {@code count} times when given. {@code path} is
   * a substring of the request path; {@code object} an sObject name; {@code method} an HTTP method.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record FaultRule(
      String type, Double rate, Integer count, String path, String object, String method) {}

  /**
   * Bulk API 2.0 processing: records processed per second (null or 0 = as fast as possible),
   * minimum time a job stays in UploadComplete and in InProgress, and the upload cap.
   */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Bulk(Long recordsPerSecond, Long stateDwellMs, Long maxUploadBytes) {}

  /** Request log bounds: entries kept and body characters kept per entry. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record RequestLog(Integer maxEntries, Integer maxBodyChars) {}
}
