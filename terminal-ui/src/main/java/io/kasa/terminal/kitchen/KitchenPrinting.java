package io.kasa.terminal.kitchen;

import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.client.http.CloudClient;
import io.kasa.client.kitchen.KitchenCursor;
import io.kasa.client.kitchen.KitchenFeed;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrintResult;
import io.kasa.devices.printer.PrinterService;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A register printing for kitchen stations (ADR 0053): the store's kitchen stream, followed from
 * this terminal's cursors, printed on its kitchen printer one ticket at a time.
 *
 * <p>Without a fallback printer a ticket waits in the printer service while the printer is down and
 * prints once it is back; the stream waits behind it. With one (ADR 0057) a ticket waits at most
 * {@code fallbackAfter} for the kitchen printer; then it, and the tickets after it, print on the
 * fallback headed «РЕЗЕРВНИЙ ДРУК — station». While on the fallback, each next ticket first asks
 * the kitchen printer for its status (for at most {@link #PROBE}) and goes back to it as soon as it
 * can print. A job given up on the kitchen printer has sent nothing and is gone from its queue, so
 * it never prints there later: the station's one cursor moves once, whichever printer printed. With
 * both down the ticket is not printed, and the feed tries it again from the cursor.
 */
public final class KitchenPrinting implements AutoCloseable {

  /** How long a ticket waits for the kitchen printer by default before going to the fallback. */
  public static final Duration FALLBACK_AFTER = Duration.ofSeconds(15);

  /** How long the kitchen printer is asked, while on the fallback, whether it is back. */
  static final Duration PROBE = Duration.ofSeconds(1);

  private static final Logger LOG = LoggerFactory.getLogger(KitchenPrinting.class);

  private final KitchenFeed feed;
  private final PrinterService printer;
  private final PrinterService fallback;
  private final Duration fallbackAfter;
  private final Locale locale;
  private final Consumer<KitchenFeed.State> states;

  /** Tickets whose bytes may have gone out in part (a write failed midway): repeats from now. */
  private final Set<UUID> maybeOut = new HashSet<>();

  private volatile boolean onFallback;

  /** Printing on {@code printer} alone: tickets wait for it while it is down. */
  public KitchenPrinting(
      CloudClient client,
      KitchenCursor cursor,
      List<String> stations,
      PrinterService printer,
      Locale locale,
      Consumer<KitchenFeed.State> states) {
    this(client, cursor, stations, printer, null, FALLBACK_AFTER, locale, states);
  }

  /**
   * Printing on {@code printer}, and on {@code fallback} (may be null: none) once a ticket has
   * waited {@code fallbackAfter} for {@code printer}.
   */
  public KitchenPrinting(
      CloudClient client,
      KitchenCursor cursor,
      List<String> stations,
      PrinterService printer,
      PrinterService fallback,
      Duration fallbackAfter,
      Locale locale,
      Consumer<KitchenFeed.State> states) {
    this.printer = printer;
    this.fallback = fallback;
    this.fallbackAfter = fallbackAfter;
    this.locale = locale;
    this.states = states;
    this.feed = new KitchenFeed(client, cursor, stations, this::print, this::feedState);
  }

  public KitchenPrinting start() {
    feed.start();
    return this;
  }

  /** The feed's state, saying «fallback» while live and printing there. */
  private void feedState(KitchenFeed.State state) {
    states.accept(
        state == KitchenFeed.State.LIVE && onFallback ? KitchenFeed.State.FALLBACK : state);
  }

  /** Prints one ticket where it can; answers whether one printer reported it written. */
  private boolean print(KitchenTicketDto ticket, boolean repeat) throws InterruptedException {
    boolean again = repeat || maybeOut.contains(ticket.id());
    if (fallback == null) {
      return done(ticket, send(printer, ticket, again, false, null));
    }
    if (!onFallback || send(printer, ticket, false, false, PROBE, true).printed()) {
      PrintResult r = send(printer, ticket, again, false, fallbackAfter);
      if (r.printed()) {
        primary();
        return done(ticket, r);
      }
      if (r.attempts() > 0) {
        // Bytes went out in part before the line failed: the fallback's copy says «ПОВТОР».
        maybeOut.add(ticket.id());
        again = true;
      }
      if (!onFallback) {
        LOG.warn(
            "Kitchen printer down for {} s: ticket {} and the next go to the fallback",
            fallbackAfter.toSeconds(),
            ticket.id());
      }
    }
    onFallback = true;
    states.accept(KitchenFeed.State.FALLBACK);
    PrintResult r = send(fallback, ticket, again, true, fallbackAfter);
    return done(ticket, r);
  }

  private void primary() {
    if (onFallback) {
      LOG.info("Kitchen printer back: tickets print on it again");
      onFallback = false;
      states.accept(KitchenFeed.State.LIVE);
    }
  }

  private boolean done(KitchenTicketDto ticket, PrintResult r) {
    if (r.printed()) {
      maybeOut.remove(ticket.id());
    } else if (r.attempts() > 0) {
      maybeOut.add(ticket.id());
    }
    return r.printed();
  }

  private PrintResult send(
      PrinterService on,
      KitchenTicketDto ticket,
      boolean repeat,
      boolean asFallback,
      Duration timeout)
      throws InterruptedException {
    return send(on, ticket, repeat, asFallback, timeout, false);
  }

  /** One job on {@code on}: the ticket, or only a status read when {@code probe}. */
  private PrintResult send(
      PrinterService on,
      KitchenTicketDto ticket,
      boolean repeat,
      boolean asFallback,
      Duration timeout,
      boolean probe)
      throws InterruptedException {
    byte[] bytes =
        probe
            ? new byte[0]
            : KitchenTicketLayout.bytes(ticket, repeat, asFallback, on.profile(), locale);
    String what =
        (probe ? "kitchen status " : asFallback ? "kitchen fallback " : "kitchen ")
            + ticket.stationId()
            + " "
            + ticket.id();
    PrintJob job = new PrintJob(UUID.randomUUID(), what, bytes);
    try {
      PrintResult r = (timeout == null ? on.print(job) : on.print(job, timeout)).get();
      if (!r.printed() && !probe) {
        LOG.warn("Kitchen ticket {} not printed: {}", ticket.id(), r.message());
      }
      return r;
    } catch (ExecutionException e) {
      LOG.warn("Kitchen ticket {} not printed: {}", ticket.id(), e.getCause().toString());
      return new PrintResult(job.id(), false, null, e.getCause().toString(), 0);
    }
  }

  @Override
  public void close() {
    feed.close();
  }
}
