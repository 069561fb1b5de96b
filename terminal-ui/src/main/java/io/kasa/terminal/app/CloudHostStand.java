package io.kasa.terminal.app;

import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.MergeRequest;
import io.kasa.api.floor.MoveRequest;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import io.kasa.api.floor.PartyStatusRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.SplitResult;
import io.kasa.api.floor.TableDto;
import io.kasa.api.terminal.StoreSettings;
import io.kasa.client.floor.LiveFloor;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.checkout.Printouts;
import io.kasa.terminal.host.HostStand;
import io.kasa.terminal.host.PreBill;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.sale.Catalog;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;

/** The host stand over the terminal's cloud client, its live floor and its printer. */
final class CloudHostStand implements HostStand {

  private final CloudTerminal terminal;
  private final Catalog catalog;
  private final Printouts printouts;
  private final Messages messages;
  private final Clock clock;
  private LiveFloor floor;

  CloudHostStand(
      CloudTerminal terminal,
      Catalog catalog,
      Printouts printouts,
      Messages messages,
      Clock clock) {
    this.terminal = terminal;
    this.catalog = catalog;
    this.printouts = printouts;
    this.messages = messages;
    this.clock = clock;
  }

  @Override
  public synchronized void follow(Consumer<LiveFloor.View> changes) {
    if (floor != null) {
      floor.close();
    }
    floor = terminal.liveFloor();
    floor.listen(changes);
    floor.view().ifPresent(changes);
    floor.start();
  }

  @Override
  public synchronized void stop() {
    if (floor != null) {
      floor.close();
      floor = null;
    }
  }

  @Override
  public CheckDto seat(UUID table, int guests, UUID party, long version, boolean overrideHold) {
    return terminal
        .client()
        .seat(table, new SeatRequest(UUID.randomUUID(), guests, party, version, overrideHold));
  }

  @Override
  public TableDto clear(UUID table, long version) {
    return terminal.client().clearTable(table, version);
  }

  @Override
  public PartyDto addParty(PartyRequest party) {
    return terminal.client().addParty(party);
  }

  @Override
  public PartyDto partyStatus(UUID party, String status, long version) {
    return terminal.client().partyStatus(party, new PartyStatusRequest(status, version));
  }

  /** The code typed or scanned is looked up in the catalogue replica: barcode, PLU or id. */
  @Override
  public java.util.Optional<io.kasa.domain.catalog.CatalogItem> item(String code) {
    return catalog.byCode(code);
  }

  @Override
  public CheckDto addItem(
      UUID check,
      String itemId,
      String quantity,
      int seat,
      List<io.kasa.api.sales.ChosenModifierDto> modifiers,
      String note,
      int course) {
    return terminal
        .client()
        .addCheckLine(
            check,
            new AddLineRequest(
                UUID.randomUUID(),
                itemId,
                quantity,
                seat,
                modifiers.isEmpty() ? null : modifiers,
                note,
                course));
  }

  @Override
  public io.kasa.api.floor.SendResult sendToKitchen(UUID check) {
    // One id per tap: a retry of this request sends nothing twice.
    return terminal
        .client()
        .sendToKitchen(check, new io.kasa.api.floor.SendRequest(UUID.randomUUID()));
  }

  @Override
  public io.kasa.api.floor.SendResult fireCourse(UUID check, int course) {
    // One id per tap: a retry of this request fires nothing twice.
    return terminal
        .client()
        .fireCourse(check, new io.kasa.api.floor.FireRequest(UUID.randomUUID(), course));
  }

  @Override
  public CheckDto prebill(UUID check, long version) {
    return terminal.client().prebill(check, version);
  }

  @Override
  public CheckDto move(UUID check, long version, UUID table, long tableVersion) {
    return terminal.client().moveCheck(check, new MoveRequest(table, version, tableVersion));
  }

  @Override
  public CheckDto merge(UUID into, long version, UUID other, long otherVersion) {
    return terminal.client().mergeCheck(into, new MergeRequest(other, version, otherVersion));
  }

  @Override
  public SplitResult split(UUID check, SplitRequest split) {
    return terminal.client().splitCheck(check, split);
  }

  @Override
  public TableDto putTable(UUID id, io.kasa.api.floor.TableRequest table) {
    return terminal.client().putTable(id, table);
  }

  @Override
  public void removeTable(UUID id, long version) {
    terminal.client().removeTable(id, version);
  }

  @Override
  public io.kasa.api.floor.AreaDto putArea(UUID id, io.kasa.api.floor.AreaRequest area) {
    return terminal.client().putArea(id, area);
  }

  @Override
  public List<String> printPrebill(CheckDto check, String tableName) {
    StoreSettings store = terminal.config().store();
    try {
      return printouts.lines(
          (columns, printable) ->
              PreBill.lines(
                  check,
                  store.name(),
                  tableName,
                  Currency.getInstance(store.currency()),
                  Locale.forLanguageTag(store.locale()),
                  store.zone(),
                  clock.instant(),
                  messages,
                  columns,
                  printable),
          "prebill-" + check.number() + "-" + check.version());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
