package io.github.sfactions.camunda;

import io.github.sfactions.client.ApiCall;
import io.github.sfactions.client.ApiCallListener;
import io.github.sfactions.client.ConnectionSettings;
import io.github.sfactions.client.SalesforceClient;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.OkHttpClient;

/**
 * Named Salesforce connections (one per org), shared by every connector. Camunda's connector
 * registry is JVM-global and static, so the connectors look their client up here by the {@code
 * connection} input ({@value #DEFAULT_CONNECTION} when absent).
 *
 * <p>A connection is registered with its {@link ConnectionSettings}; its {@link SalesforceClient}
 * (token cache, HTTP pool) is created on first use and shared by all threads. Registering a name
 * again replaces the settings and closes the old client. Thread-safe.
 *
 * <p>Who fills it: {@link SalesforceConnectorPlugin} from process engine plugin properties, the
 * Spring Boot auto-configuration from {@code sfactions.*} properties, or code via {@link
 * #global()}.
 */
public final class SalesforceConnections implements AutoCloseable {

  /** The connection used when a task names none. */
  public static final String DEFAULT_CONNECTION = "default";

  private static final SalesforceConnections GLOBAL = new SalesforceConnections();

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final CopyOnWriteArrayList<ConnectionCallListener> listeners =
      new CopyOnWriteArrayList<>();

  /** The JVM-wide registry the connectors use. */
  public static SalesforceConnections global() {
    return GLOBAL;
  }

  /** Registers (or replaces) a connection. The client is created lazily. */
  public void register(String name, ConnectionSettings settings) {
    register(name, settings, null);
  }

  /**
   * Registers (or replaces) a connection whose client derives its HTTP client from {@code
   * httpClient} (your interceptors, proxy selector, certificate pinning, event listener; see {@link
   * SalesforceClient.Builder} for what the client sets on top). The base client stays yours:
   * closing the connection does not close it.
   */
  public void register(String name, ConnectionSettings settings, OkHttpClient httpClient) {
    String key = requireName(name);
    Objects.requireNonNull(settings, "settings");
    Entry old = entries.put(key, new Entry(key, settings, httpClient, this::dispatch));
    if (old != null) {
      old.retire();
    }
  }

  /** Removes a connection and closes its client. */
  public boolean remove(String name) {
    Entry old = entries.remove(requireName(name));
    if (old != null) {
      old.retire();
      return true;
    }
    return false;
  }

  /** Removes every connection and closes their clients. */
  public void clear() {
    for (String name : Set.copyOf(entries.keySet())) {
      remove(name);
    }
  }

  /** The registered names, sorted. */
  public Set<String> names() {
    return new TreeSet<>(entries.keySet());
  }

  /** True when a connection of this name is registered. */
  public boolean contains(String name) {
    return entries.containsKey(nameOrDefault(name));
  }

  /** The settings of a connection (secrets stay inside; {@code toString} masks them). */
  public Optional<ConnectionSettings> settings(String name) {
    return Optional.ofNullable(entries.get(nameOrDefault(name))).map(e -> e.settings);
  }

  /** Every connection's settings, by name. */
  public Map<String, ConnectionSettings> allSettings() {
    Map<String, ConnectionSettings> all = new LinkedHashMap<>();
    names().forEach(n -> all.put(n, entries.get(n).settings));
    return all;
  }

  /**
   * The shared client of a connection, created on first use.
   *
   * @param name the connection name; null or empty means {@value #DEFAULT_CONNECTION}
   * @throws SalesforceConfigurationException when no such connection is registered
   */
  public SalesforceClient client(String name) {
    String key = nameOrDefault(name);
    Entry entry = entries.get(key);
    if (entry == null) {
      throw new SalesforceConfigurationException(
          "No Salesforce connection named '"
              + key
              + "' is configured"
              + (entries.isEmpty()
                  ? " (none are: configure SalesforceConnectorPlugin or sfactions.* properties)"
                  : " (configured: " + String.join(", ", names()) + ")"));
    }
    return entry.client();
  }

  /**
   * Adds a listener that sees every API call of every connection, with the name of the connection
   * that made it (metrics, logging). It also sees calls of clients created before it was added.
   */
  public void addCallListener(ConnectionCallListener listener) {
    listeners.add(Objects.requireNonNull(listener, "listener"));
  }

  /** Removes a listener added before. */
  public void removeCallListener(ConnectionCallListener listener) {
    listeners.remove(listener);
  }

  /** Closes every client (the connections stay registered and reopen on next use). */
  @Override
  public void close() {
    entries.values().forEach(Entry::close);
  }

  private void dispatch(String connection, ApiCall call) {
    for (ConnectionCallListener l : listeners) {
      l.onCall(connection, call);
    }
  }

  private static String nameOrDefault(String name) {
    return name == null || name.isBlank() ? DEFAULT_CONNECTION : name.trim();
  }

  private static String requireName(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("A connection name is required");
    }
    return name.trim();
  }

  /** Settings plus the lazily created client. */
  private static final class Entry {
    private final String name;
    private final ConnectionSettings settings;
    private final OkHttpClient httpClient;
    private final ApiCallListener listener;
    private SalesforceClient client;
    private boolean closed;
    private boolean retired;

    Entry(
        String name,
        ConnectionSettings settings,
        OkHttpClient httpClient,
        ConnectionCallListener registryListeners) {
      this.name = name;
      this.settings = settings;
      this.httpClient = httpClient;
      // bound to this name so the registry's listeners learn which connection made each call
      this.listener = call -> registryListeners.onCall(name, call);
    }

    synchronized SalesforceClient client() {
      if (retired) {
        // a caller that looked the entry up just before it was replaced must not open a client
        // nobody closes
        throw new SalesforceConfigurationException(
            "Salesforce connection '"
                + name
                + "' was reconfigured while in use; retry to use the new settings");
      }
      if (client == null || closed) {
        SalesforceClient.Builder builder =
            SalesforceClient.builder(settings).callListener(listener);
        client = (httpClient == null ? builder : builder.httpClient(httpClient)).build();
        closed = false;
      }
      return client;
    }

    synchronized void retire() {
      retired = true;
      close();
    }

    synchronized void close() {
      if (client != null && !closed) {
        client.close();
        closed = true;
      }
    }
  }
}
