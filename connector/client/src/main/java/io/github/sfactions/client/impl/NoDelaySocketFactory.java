package io.github.sfactions.client.impl;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import javax.net.SocketFactory;

/**
 * Creates sockets with {@code TCP_NODELAY}: a request body larger than one segment otherwise waits
 * for the peer's delayed ACK (about 40 ms) before its last segment is sent, which dominated the
 * latency of collection calls.
 */
public final class NoDelaySocketFactory extends SocketFactory {

  private final SocketFactory delegate;

  /** Over the JDK's default socket factory. */
  public NoDelaySocketFactory() {
    this(SocketFactory.getDefault());
  }

  /** Over {@code delegate} (e.g. the socket factory of a user's base {@code OkHttpClient}). */
  public NoDelaySocketFactory(SocketFactory delegate) {
    this.delegate = delegate;
  }

  @Override
  public Socket createSocket() throws IOException {
    return noDelay(delegate.createSocket());
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(host, port, localHost, localPort));
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return noDelay(delegate.createSocket(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    return noDelay(delegate.createSocket(address, port, localAddress, localPort));
  }

  private static Socket noDelay(Socket socket) throws SocketException {
    socket.setTcpNoDelay(true);
    return socket;
  }
}
