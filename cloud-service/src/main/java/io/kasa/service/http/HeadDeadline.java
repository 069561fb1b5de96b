package io.kasa.service.http;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.component.ContainerLifeCycle;
import org.eclipse.jetty.util.component.LifeCycle;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A total deadline for a request's head (request line and headers), counted from its first byte.
 * Jetty's idle timeout starts again with every byte, so a client sending a header byte now and then
 * would keep its connection, and a slot of the service, for ever; Jetty 12 has no limit of its own
 * on the head (its minimum data rate applies to bodies). A connection whose head is not complete in
 * time is closed. Idle keep-alive connections between requests are left to the idle timeout.
 *
 * <p>Every open HTTP/1 connection is looked at a few times per deadline: its parser says whether it
 * is inside a head. That costs nothing on the path of a request.
 */
final class HeadDeadline extends ContainerLifeCycle {

  private static final Logger LOG = LoggerFactory.getLogger(HeadDeadline.class);

  /** Since when a connection has been reading its current head (nanoTime), 0 when it is not. */
  private final Map<HttpConnection, long[]> open = new ConcurrentHashMap<>();

  private final long deadline;
  private final long period;
  private final Runnable onExpiry;
  private final Scheduler scheduler = new ScheduledExecutorScheduler("kasa-head-deadline", true);

  private final Connection.Listener listener =
      new Connection.Listener() {
        @Override
        public void onOpened(Connection connection) {
          if (connection instanceof HttpConnection http) {
            open.put(http, new long[1]);
          }
        }

        @Override
        public void onClosed(Connection connection) {
          open.remove(connection);
        }
      };

  private HeadDeadline(Duration deadline, Runnable onExpiry) {
    this.deadline = deadline.toNanos();
    this.period =
        Math.max(TimeUnit.MILLISECONDS.toNanos(50), Math.min(this.deadline / 4, 1_000_000_000L));
    this.onExpiry = onExpiry;
    addBean(scheduler);
  }

  /**
   * Puts the deadline on every connector of {@code server}, those added until it starts included;
   * {@code onExpiry} runs for every connection closed for it.
   */
  static void install(Server server, Duration deadline, Runnable onExpiry) {
    HeadDeadline heads = new HeadDeadline(deadline, onExpiry);
    server.addBean(heads);
    server.addEventListener(
        new LifeCycle.Listener() {
          @Override
          public void lifeCycleStarting(LifeCycle event) {
            for (Connector connector : server.getConnectors()) {
              connector.addEventListener(heads.listener);
            }
          }
        });
  }

  @Override
  protected void doStart() throws Exception {
    super.doStart();
    scheduler.schedule(this::sweep, period, TimeUnit.NANOSECONDS);
  }

  private void sweep() {
    try {
      long now = System.nanoTime();
      for (Map.Entry<HttpConnection, long[]> e : open.entrySet()) {
        check(e.getKey(), e.getValue(), now);
      }
    } finally {
      if (isRunning()) {
        scheduler.schedule(this::sweep, period, TimeUnit.NANOSECONDS);
      }
    }
  }

  private void check(HttpConnection connection, long[] since, long now) {
    HttpParser parser = connection.getParser();
    if (parser.isStart() || !parser.inHeaderState()) {
      since[0] = 0;
    } else if (since[0] == 0) {
      // First seen inside a head, which began within the last period: the client gets the benefit.
      since[0] = now;
    } else if (now - since[0] > deadline) {
      LOG.debug(
          "Closing {}: its request head took longer than {} ms", connection, deadline / 1_000_000);
      open.remove(connection);
      onExpiry.run();
      connection.getEndPoint().close();
    }
  }
}
