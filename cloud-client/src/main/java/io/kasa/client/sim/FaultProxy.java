package io.kasa.client.sim;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A TCP proxy in front of the service that breaks the network the ways a shop's network breaks:
 * nothing listening (connection refused), the connection reset while the request is on its way, the
 * answer lost after the service committed, and answers slower than the client waits. Real sockets,
 * real HTTP passing through; only the faults are made up.
 */
public final class FaultProxy implements AutoCloseable {

  /** What happens to connections from now on. */
  public enum Fault {
    /** Bytes pass both ways. */
    NONE,
    /** Nothing listens: connection refused; open connections are cut. */
    REFUSE,
    /** The connection is reset after part of the request, before the service has all of it. */
    RESET_MID_REQUEST,
    /** The request passes whole; the answer is thrown away and the connection reset. */
    LOSE_RESPONSE,
    /** As {@link #LOSE_RESPONSE} for the next answer only; then bytes pass both ways. */
    LOSE_ONE_RESPONSE,
    /** The answer is held back for {@link #slowness} before it passes. */
    SLOW_RESPONSE
  }

  private final String targetHost;
  private final int target;
  private final int port;
  private final Set<Socket> open = ConcurrentHashMap.newKeySet();
  private final AtomicLong faultsInjected = new AtomicLong();
  private volatile Fault fault = Fault.NONE;
  private volatile Duration slowness = Duration.ofSeconds(3);
  private volatile ServerSocket server;

  public FaultProxy(String targetHost, int targetPort) throws IOException {
    this.targetHost = targetHost;
    this.target = targetPort;
    ServerSocket s = new ServerSocket();
    s.setReuseAddress(true);
    s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
    this.port = s.getLocalPort();
    listen(s);
  }

  public int port() {
    return port;
  }

  /** Connections (or answers) the proxy broke so far. */
  public long faultsInjected() {
    return faultsInjected.get();
  }

  public void slowness(Duration d) {
    this.slowness = d;
  }

  /** Switches the fault; open connections are cut so none carries on under the old one. */
  public synchronized void fault(Fault f) throws IOException {
    if (f == fault) {
      return;
    }
    Fault before = fault;
    fault = f;
    // Refusing closes the listening socket before cutting what is open, so no reconnection slips
    // in between and carries on as if the network were there.
    if (f == Fault.REFUSE) {
      server.close();
    }
    for (Socket s : open) {
      quietly(s);
    }
    if (f != Fault.REFUSE && before == Fault.REFUSE) {
      ServerSocket s = new ServerSocket();
      s.setReuseAddress(true);
      s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
      listen(s);
    }
  }

  /** Whether this answer is the one to lose; the fault is spent by the first that asks. */
  private synchronized boolean spendOne() {
    if (fault != Fault.LOSE_ONE_RESPONSE) {
      return false;
    }
    fault = Fault.NONE;
    return true;
  }

  private void listen(ServerSocket s) {
    server = s;
    Thread t =
        new Thread(
            () -> {
              while (!s.isClosed()) {
                try {
                  Socket client = s.accept();
                  handle(client);
                } catch (IOException e) {
                  return;
                }
              }
            },
            "fault-proxy-accept");
    t.setDaemon(true);
    t.start();
  }

  private void handle(Socket client) throws IOException {
    if (fault == Fault.REFUSE) {
      reset(client);
      return;
    }
    Socket upstream;
    try {
      upstream = new Socket(targetHost, target);
    } catch (IOException e) {
      reset(client);
      return;
    }
    open.add(client);
    open.add(upstream);
    if (fault == Fault.REFUSE) { // refused while this one was being connected
      quietly(client);
      quietly(upstream);
      return;
    }
    pump("request", client, upstream, true);
    pump("response", upstream, client, false);
  }

  private void pump(String name, Socket from, Socket to, boolean request) {
    Thread t =
        new Thread(
            () -> {
              byte[] buffer = new byte[8192];
              boolean first = true;
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                  Fault f = fault;
                  if (request && f == Fault.RESET_MID_REQUEST) {
                    out.write(buffer, 0, Math.max(1, n / 2));
                    out.flush();
                    faultsInjected.incrementAndGet();
                    reset(from);
                    quietly(to);
                    return;
                  }
                  if (!request
                      && (f == Fault.LOSE_RESPONSE || f == Fault.LOSE_ONE_RESPONSE && spendOne())) {
                    faultsInjected.incrementAndGet();
                    reset(to);
                    quietly(from);
                    return;
                  }
                  if (!request && first && f == Fault.SLOW_RESPONSE) {
                    faultsInjected.incrementAndGet();
                    Thread.sleep(slowness.toMillis());
                  }
                  first = false;
                  out.write(buffer, 0, n);
                  out.flush();
                }
              } catch (IOException e) {
                // the other side went away: so does this one
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              } finally {
                quietly(from);
                quietly(to);
              }
            },
            "fault-proxy-" + name);
    t.setDaemon(true);
    t.start();
  }

  /** Closes with a TCP reset (RST), as a dropped link or a crashed router would look. */
  private void reset(Socket s) {
    try {
      s.setSoLinger(true, 0);
    } catch (SocketException e) {
      // already closed
    }
    quietly(s);
  }

  private void quietly(Socket s) {
    open.remove(s);
    try {
      s.close();
    } catch (IOException e) {
      // closing anyway
    }
  }

  @Override
  public void close() throws IOException {
    server.close();
    for (Socket s : open) {
      quietly(s);
    }
  }
}
