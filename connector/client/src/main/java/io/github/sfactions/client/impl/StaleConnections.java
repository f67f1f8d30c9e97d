package io.github.sfactions.client.impl;

import java.io.EOFException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.SocketException;
import java.util.Set;
import okhttp3.Call;
import okhttp3.Connection;
import okhttp3.EventListener;
import okhttp3.RequestBody;
import okhttp3.internal.http2.ConnectionShutdownException;
import okhttp3.internal.http2.ErrorCode;
import okhttp3.internal.http2.StreamResetException;

/**
 * The one case in which the client sends a request again by itself: it went out on a pooled
 * keep-alive connection that the server had already closed, so it failed before any answer, and
 * sending it twice cannot change the outcome.
 *
 * <p>Salesforce (or a proxy in between) closes keep-alive connections after some idle time; the
 * pool keeps them for less ({@code ConnectionSettings.keepAlive}), yet a close can still cross the
 * next request on the wire. Such a request is sent once more, on a new connection, when all of
 * these hold:
 *
 * <ul>
 *   <li>its connection came from the pool (a failure on a new connection is a real network error);
 *   <li>the failure means the connection was dead: the stream ended ({@code unexpected end of
 *       stream}, {@link EOFException}), the socket was reset or broken ({@link SocketException}),
 *       or HTTP/2 refused the stream or had shut the connection down. A timeout never qualifies:
 *       the server may be working on it;
 *   <li>the method is GET, PATCH or DELETE with a body that can be written again. A PATCH sets the
 *       given values (update by id, upsert by external id, collections, bulk job state) and a
 *       DELETE removes what it names, so even a request the server did process leaves the same
 *       state when repeated. A POST creates something and is never repeated, nor is the bulk upload
 *       PUT (a stream from the caller, and one upload per job).
 * </ul>
 */
public final class StaleConnections {

  private static final Set<String> REPLAYABLE_METHODS = Set.of("GET", "PATCH", "DELETE");
  private static final String END_OF_STREAM = "unexpected end of stream";

  /**
   * Install on the client: for each request tagged with an {@link Attempt} it records whether the
   * connection the request went out on came from the pool.
   */
  public static final EventListener.Factory LISTENER = listener(call -> EventListener.NONE);

  /**
   * As {@link #LISTENER}, and every event also goes to the listener {@code user} creates for the
   * call.
   */
  public static EventListener.Factory listener(EventListener.Factory user) {
    return call -> {
      EventListener theirs = user.create(call);
      Attempt attempt = call.request().tag(Attempt.class);
      return attempt == null ? theirs : new Tracker(attempt, theirs);
    };
  }

  private StaleConnections() {}

  /** Whether the failure of this attempt calls for sending the request once more. */
  public static boolean replay(
      String method, RequestBody body, Attempt attempt, IOException failure) {
    return attempt.pooled
        && REPLAYABLE_METHODS.contains(method)
        && (body == null || !body.isOneShot())
        && connectionWasDead(failure);
  }

  static boolean connectionWasDead(IOException failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InterruptedIOException) {
        return false; // a timeout: the request may be in the server's hands
      }
      if (t instanceof EOFException
          || t instanceof SocketException
          || t instanceof ConnectionShutdownException
          || (t instanceof StreamResetException reset
              && reset.errorCode == ErrorCode.REFUSED_STREAM)
          || String.valueOf(t.getMessage()).startsWith(END_OF_STREAM)) {
        return true;
      }
    }
    return false;
  }

  /** Tag of one request attempt (a new one per attempt): filled in by {@link #LISTENER}. */
  public static final class Attempt {
    private volatile boolean pooled;

    /** True when the request went out on a connection taken from the pool. */
    public boolean pooled() {
      return pooled;
    }
  }

  /** Per call: a connection acquired without a connect before it is a pooled one. */
  private static final class Tracker extends ForwardingEventListener {
    private final Attempt attempt;
    private boolean connecting;

    Tracker(Attempt attempt, EventListener delegate) {
      super(delegate);
      this.attempt = attempt;
    }

    @Override
    public void connectStart(Call call, InetSocketAddress address, Proxy proxy) {
      connecting = true;
      super.connectStart(call, address, proxy);
    }

    @Override
    public void connectionAcquired(Call call, Connection connection) {
      // OkHttp may take a pooled connection, find it unhealthy and connect anew: the last
      // acquisition counts.
      attempt.pooled = !connecting;
      connecting = false;
      super.connectionAcquired(call, connection);
    }
  }
}
