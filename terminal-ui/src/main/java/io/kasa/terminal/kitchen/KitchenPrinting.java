package io.kasa.terminal.kitchen;

import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.client.http.CloudClient;
import io.kasa.client.kitchen.KitchenCursor;
import io.kasa.client.kitchen.KitchenFeed;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrintResult;
import io.kasa.devices.printer.PrinterService;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A register printing for kitchen stations (ADR 0053): the store's kitchen stream, followed from
 * this terminal's cursors, printed on its kitchen printer one ticket at a time. A ticket waits in
 * the printer service while the printer is down and prints once it is back; the stream waits behind
 * it.
 */
public final class KitchenPrinting implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(KitchenPrinting.class);

  private final KitchenFeed feed;

  public KitchenPrinting(
      CloudClient client,
      KitchenCursor cursor,
      List<String> stations,
      PrinterService printer,
      Locale locale,
      Consumer<KitchenFeed.State> states) {
    this.feed =
        new KitchenFeed(
            client,
            cursor,
            stations,
            (ticket, repeat) -> print(printer, locale, ticket, repeat),
            states);
  }

  public KitchenPrinting start() {
    feed.start();
    return this;
  }

  private static boolean print(
      PrinterService printer, Locale locale, KitchenTicketDto ticket, boolean repeat)
      throws InterruptedException {
    byte[] bytes = KitchenTicketLayout.bytes(ticket, repeat, printer.profile(), locale);
    try {
      PrintResult r =
          printer
              .print(PrintJob.of("kitchen " + ticket.stationId() + " " + ticket.id(), bytes))
              .get();
      if (!r.printed()) {
        LOG.warn("Kitchen ticket {} not printed: {}", ticket.id(), r.message());
      }
      return r.printed();
    } catch (ExecutionException e) {
      LOG.warn("Kitchen ticket {} not printed: {}", ticket.id(), e.getCause().toString());
      return false;
    }
  }

  @Override
  public void close() {
    feed.close();
  }
}
