package io.github.sfactions.emulator.impl.net;

import io.github.sfactions.emulator.impl.EmulatorCore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A TCP front that closes keep-alive connections left idle for longer than a timeout, as
 * Salesforce's edge does.
 *
 * <p>The JDK {@code HttpServer} reads its idle timeout ({@code sun.net.httpserver.idleInterval},
 * whole seconds, checked every {@code sun.net.httpserver.clockTick}) once per JVM, so a
 * per-emulator timeout needs this front: it accepts the clients' connections, relays each to the
 * server over a connection of its own, and closes both once the server has answered everything the
 * client sent and no byte has moved for the timeout. A request in flight (the client spoke last) is
 * never cut, however slow the answer.
 */
public final class IdleClosingRelay implements AutoCloseable {

  private static final int BUFFER = 16 * 1024;

  /** How often idle connections are looked for, as a share of the timeout. */
  private static final int CHECKS_PER_TIMEOUT = 10;

  private final ServerSocket listener;
  private final InetSocketAddress backend;
  private final long idleNanos;
  private final ExecutorService pumps;
  private final ScheduledExecutorService reaper;
  private final Set<Link> links = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();

  /**
   * Binds {@code address} and relays to {@code backend}.
   *
   * @throws UncheckedIOException when the address cannot be bound
   */
  public IdleClosingRelay(
      InetSocketAddress address,
      int backlog,
      InetSocketAddress backend,
      Duration idleTimeout,
      String name) {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive, got " + idleTimeout);
    }
    this.backend = backend;
    this.idleNanos = idleTimeout.toNanos();
    try {
      this.listener = new ServerSocket();
      listener.setReuseAddress(true);
      listener.bind(address, backlog);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot bind " + address + ": " + e.getMessage(), e);
    }
    this.pumps = Executors.newCachedThreadPool(EmulatorCore.daemonThreads(name + "-relay"));
    this.reaper =
        Executors.newSingleThreadScheduledExecutor(EmulatorCore.daemonThreads(name + "-idle"));
    long period = Math.max(1, idleNanos / CHECKS_PER_TIMEOUT);
    reaper.scheduleAtFixedRate(this::closeIdle, period, period, TimeUnit.NANOSECONDS);
    pumps.execute(this::acceptLoop);
  }

  /** The bound port. */
  public int port() {
    return listener.getLocalPort();
  }

  private void acceptLoop() {
    while (!closed.get()) {
      Socket client;
      try {
        client = listener.accept();
      } catch (IOException e) {
        return; // closed
      }
      try {
        Socket server = new Socket();
        server.connect(backend);
        client.setTcpNoDelay(true);
        server.setTcpNoDelay(true);
        Link link = new Link(client, server);
        links.add(link);
        pumps.execute(() -> link.pump(true));
        pumps.execute(() -> link.pump(false));
      } catch (IOException e) {
        closeQuietly(client);
      }
    }
  }

  private void closeIdle() {
    long now = System.nanoTime();
    for (Link link : links) {
      if (link.idleSince(now) >= idleNanos) {
        link.close();
      }
    }
  }

  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    closeQuietly(listener);
    reaper.shutdownNow();
    links.forEach(Link::close);
    pumps.shutdownNow();
  }

  private static void closeQuietly(AutoCloseable c) {
    try {
      c.close();
    } catch (Exception ignored) {
      // closing anyway
    }
  }

  /** One client connection and its server connection. */
  private final class Link {
    private final Socket client;
    private final Socket server;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile long lastActivity = System.nanoTime();

    /** True from the client's first byte of a request until the server's next byte. */
    private volatile boolean awaitingAnswer;

    Link(Socket client, Socket server) {
      this.client = client;
      this.server = server;
    }

    long idleSince(long now) {
      return awaitingAnswer ? 0 : now - lastActivity;
    }

    void pump(boolean fromClient) {
      Socket from = fromClient ? client : server;
      Socket to = fromClient ? server : client;
      byte[] buffer = new byte[BUFFER];
      try {
        InputStream in = from.getInputStream();
        OutputStream out = to.getOutputStream();
        int n;
        while ((n = in.read(buffer)) >= 0) {
          awaitingAnswer = fromClient;
          lastActivity = System.nanoTime();
          out.write(buffer, 0, n);
          out.flush();
        }
        // Half-close: a client that stops sending may still read the answer.
        if (!to.isClosed()) {
          to.shutdownOutput();
        }
        if (!fromClient) {
          close();
        }
      } catch (IOException e) {
        close();
      }
    }

    void close() {
      if (done.compareAndSet(false, true)) {
        links.remove(this);
        closeQuietly(client);
        closeQuietly(server);
      }
    }
  }
}
