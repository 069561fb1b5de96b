package io.kasa.client.kitchen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.floor.FloorEvent;
import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.client.http.CloudClient;
import java.io.IOException;
import java.util.List;
import java.util.OptionalLong;
import java.util.function.Consumer;
import okhttp3.Response;
import okio.BufferedSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Follows the store's kitchen stream for the stations this terminal prints for (ADR 0053) and
 * prints each of their tickets once: an event after a station's cursor is marked "printing", handed
 * to the printer, and the cursor moves only when the printer reports it written. A printer that
 * cannot print (down, cover open, paper out) holds the stream: the feed reconnects from the cursor
 * and tries the same ticket again, so nothing after it prints before it.
 */
public final class KitchenFeed implements AutoCloseable {

  /** Prints one ticket; answers whether it reached the printer. */
  public interface Printer {
    boolean print(KitchenTicketDto ticket, boolean repeat) throws InterruptedException;
  }

  /** What the register shows about the feed. */
  public enum State {
    CONNECTING,
    LIVE,
    OFFLINE,
    PRINTER_DOWN,
    /**
     * Live, but the kitchen printer is down and tickets print on the fallback printer (ADR 0057);
     * said by the printer, never by the feed itself.
     */
    FALLBACK
  }

  private static final Logger LOG = LoggerFactory.getLogger(KitchenFeed.class);
  private static final long MAX_BACKOFF_MILLIS = 10_000;

  private final CloudClient client;
  private final KitchenCursor cursor;
  private final List<String> stations;
  private final Printer printer;
  private final Consumer<State> states;
  private final ObjectMapper json = CloudClient.mapper();
  private final Thread reader;
  private volatile Response open;
  private volatile boolean closed;

  public KitchenFeed(
      CloudClient client,
      KitchenCursor cursor,
      List<String> stations,
      Printer printer,
      Consumer<State> states) {
    this.client = client;
    this.cursor = cursor;
    this.stations = List.copyOf(stations);
    this.printer = printer;
    this.states = states;
    this.reader = new Thread(this::run, "kasa-kitchen-feed");
    reader.setDaemon(true);
  }

  public KitchenFeed start() {
    reader.start();
    return this;
  }

  /** Where to resume: the smallest cursor of the stations, or empty when none has one yet. */
  OptionalLong resumeFrom() {
    OptionalLong min = OptionalLong.empty();
    for (String s : stations) {
      OptionalLong c = cursor.last(s);
      if (c.isPresent() && (min.isEmpty() || c.getAsLong() < min.getAsLong())) {
        min = c;
      }
    }
    // A station added to this terminal later starts where the others are, not a week back.
    if (min.isPresent()) {
      for (String s : stations) {
        cursor.atLeast(s, min.getAsLong());
      }
    }
    return min;
  }

  private void run() {
    long backoff = 500;
    while (!closed) {
      states.accept(State.CONNECTING);
      State failed = State.OFFLINE;
      try {
        OptionalLong from = resumeFrom();
        failed = follow(from.isPresent() ? from.getAsLong() : null);
        backoff = 500;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (Exception e) {
        if (closed) {
          return;
        }
        LOG.info("Kitchen stream not live: {}", e.getMessage());
      }
      if (closed) {
        return;
      }
      states.accept(failed);
      try {
        Thread.sleep(backoff);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      backoff = Math.min(backoff * 2, MAX_BACKOFF_MILLIS);
    }
  }

  /**
   * Reads the stream until it ends or a ticket cannot be printed; answers the state to show until
   * the next attempt.
   */
  private State follow(Long last) throws IOException, InterruptedException {
    try (Response response = client.kitchenEvents(last)) {
      open = response;
      states.accept(State.LIVE);
      BufferedSource source = response.body().source();
      StringBuilder data = new StringBuilder();
      String name = null;
      String id = null;
      String line;
      while (!closed && (line = source.readUtf8Line()) != null) {
        if (line.isEmpty()) {
          if (data.length() > 0 && !event(name, id, data.toString())) {
            return State.PRINTER_DOWN;
          }
          data.setLength(0);
          name = null;
        } else if (line.startsWith("event:")) {
          name = line.substring(6).strip();
        } else if (line.startsWith("id:")) {
          id = line.substring(3).strip();
        } else if (line.startsWith("data:")) {
          data.append(line.substring(5).strip());
        }
      }
      return State.OFFLINE;
    } finally {
      open = null;
    }
  }

  /** Handles one event; answers false when its ticket could not be printed. */
  private boolean event(String name, String id, String data)
      throws IOException, InterruptedException {
    if ("RESET".equals(name)) {
      // Where a new station starts; later, the events after the cursor were pruned (a week off).
      long at = Long.parseLong(id);
      for (String s : stations) {
        cursor.atLeast(s, at);
      }
      return true;
    }
    if (name == null || !name.startsWith("KITCHEN_")) {
      return true;
    }
    FloorEvent event;
    try {
      event = json.readValue(data, FloorEvent.class);
    } catch (JsonProcessingException e) {
      throw new IOException("An unreadable kitchen event: " + e.getOriginalMessage(), e);
    }
    KitchenTicketDto ticket = event.ticket();
    if (ticket == null || !stations.contains(ticket.stationId())) {
      return true;
    }
    String station = ticket.stationId();
    OptionalLong done = cursor.last(station);
    if (done.isPresent() && event.id() <= done.getAsLong()) {
      return true;
    }
    boolean repeat = cursor.printing(station).orElse(-1) == event.id();
    cursor.printingNow(station, event.id());
    if (!printer.print(ticket, repeat)) {
      // The printer service wrote nothing (it reports a job it could not finish as failed before
      // sending it): the next attempt is not a repeat.
      cursor.notPrinting(station);
      return false;
    }
    cursor.printed(station, event.id());
    return true;
  }

  @Override
  public void close() {
    closed = true;
    Response r = open;
    if (r != null) {
      r.close();
    }
    reader.interrupt();
  }
}
