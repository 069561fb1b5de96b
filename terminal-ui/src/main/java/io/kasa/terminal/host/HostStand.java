package io.kasa.terminal.host;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.SplitResult;
import io.kasa.api.floor.TableDto;
import io.kasa.client.floor.LiveFloor;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * What the host stand needs from the terminal's cloud side. Every change names the version it was
 * made on; one that lost to another terminal fails with the service's message.
 */
public interface HostStand {

  /** Follows the floor; {@code changes} hears every view, on a background thread. */
  void follow(Consumer<LiveFloor.View> changes);

  /** Stops following. */
  void stop();

  CheckDto seat(UUID table, int guests, UUID party, long version, boolean overrideHold);

  TableDto clear(UUID table, long version);

  PartyDto addParty(PartyRequest party);

  PartyDto partyStatus(UUID party, String status, long version);

  /** The item with this barcode, PLU or id in the terminal's catalogue, if it has one. */
  java.util.Optional<io.kasa.domain.catalog.CatalogItem> item(String code);

  /**
   * Adds an item (its id, or a code the service will look up) for a seat with the options chosen
   * (none: empty), a note (or null) and a course (0: none).
   */
  CheckDto addItem(
      UUID check,
      String itemId,
      String quantity,
      int seat,
      java.util.List<io.kasa.api.sales.ChosenModifierDto> modifiers,
      String note,
      int course);

  CheckDto prebill(UUID check, long version);

  /** Sends the check's unsent lines to the kitchen (ADR 0053): one ticket per station. */
  io.kasa.api.floor.SendResult sendToKitchen(UUID check);

  /** Fires a held course of the check (ADR 0056): its lines go to their stations. */
  io.kasa.api.floor.SendResult fireCourse(UUID check, int course);

  CheckDto move(UUID check, long version, UUID table, long tableVersion);

  CheckDto merge(UUID into, long version, UUID other, long otherVersion);

  SplitResult split(UUID check, SplitRequest split);

  /** Creates ({@code version} null in the request) or changes a table of the plan (managers). */
  TableDto putTable(UUID id, io.kasa.api.floor.TableRequest table);

  /** Takes a free table off the plan (managers). */
  void removeTable(UUID id, long version);

  /** Creates or renames an area (managers). */
  io.kasa.api.floor.AreaDto putArea(UUID id, io.kasa.api.floor.AreaRequest area);

  /** Prints the check's pre-bill; answers the lines printed. */
  java.util.List<String> printPrebill(CheckDto check, String tableName);
}
