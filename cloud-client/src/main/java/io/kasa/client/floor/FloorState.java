package io.kasa.client.floor;

import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.FloorDto;
import io.kasa.api.floor.FloorEvent;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.TableDto;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A floor snapshot with the events after it applied, in order. Immutable: applying an event answers
 * a new state.
 *
 * @param floor the floor as of {@code floor.eventId()}
 */
public record FloorState(FloorDto floor) {

  private static final Set<String> OPEN_PARTY = Set.of("WAITING", "NOTIFIED");
  private static final Set<String> SHOWN_CHECK = Set.of("OPEN", "PREBILLED", "PAID");

  /** Whether {@code event} follows this state directly (no event missed in between). */
  public boolean follows(FloorEvent event) {
    return event.id() == floor.eventId() + 1;
  }

  /** This state with {@code event} applied. */
  public FloorState apply(FloorEvent event) {
    List<AreaDto> areas = floor.areas();
    List<TableDto> tables = floor.tables();
    List<PartyDto> parties = floor.parties();
    List<CheckDto> checks = floor.checks();
    switch (event.kind()) {
      case "AREA":
        areas = replace(areas, event.area(), AreaDto::id, a -> true);
        areas.sort(Comparator.comparingInt(AreaDto::position).thenComparing(AreaDto::name));
        break;
      case "TABLE":
        tables = replace(tables, event.table(), TableDto::id, t -> true);
        tables.sort(Comparator.comparing(TableDto::name));
        if ("FREE".equals(event.table().state())) {
          UUID id = event.table().id();
          checks = new ArrayList<>(checks);
          checks.removeIf(c -> c.tableId().equals(id) && "PAID".equals(c.state()));
        }
        break;
      case "TABLE_REMOVED":
        tables = replace(tables, event.table(), TableDto::id, t -> false);
        break;
      case "PARTY":
        parties =
            replace(parties, event.party(), PartyDto::id, p -> OPEN_PARTY.contains(p.status()));
        parties.sort(
            Comparator.comparing(
                    (PartyDto p) -> p.reservedFor() == null ? Instant.MIN : p.reservedFor())
                .thenComparing(PartyDto::addedAt)
                .thenComparing(PartyDto::id));
        break;
      case "CHECK":
        checks = replace(checks, event.check(), CheckDto::id, c -> SHOWN_CHECK.contains(c.state()));
        checks.sort(Comparator.comparingInt(CheckDto::number).thenComparing(CheckDto::id));
        break;
      default:
        // A kind this terminal does not know yet: the id still advances.
        break;
    }
    return new FloorState(
        new FloorDto(
            floor.storeId(),
            event.id(),
            floor.at(),
            List.copyOf(areas),
            List.copyOf(tables),
            List.copyOf(parties),
            List.copyOf(checks)));
  }

  /** The waiting walk-ins, first in line first. */
  public List<PartyDto> line() {
    return floor.parties().stream()
        .filter(p -> p.reservedFor() == null)
        .sorted(Comparator.comparing(PartyDto::addedAt).thenComparing(PartyDto::id))
        .toList();
  }

  /** The reservations not yet seated, by time. */
  public List<PartyDto> reservations() {
    return floor.parties().stream()
        .filter(p -> p.reservedFor() != null)
        .sorted(Comparator.comparing(PartyDto::reservedFor))
        .toList();
  }

  /** The open checks on a table. */
  public List<CheckDto> checksOn(UUID table) {
    return floor.checks().stream().filter(c -> c.tableId().equals(table)).toList();
  }

  public java.util.Optional<TableDto> table(UUID id) {
    return floor.tables().stream().filter(t -> t.id().equals(id)).findFirst();
  }

  private static <T> List<T> replace(
      List<T> list, T value, Function<T, UUID> id, Predicate<T> keep) {
    List<T> out = new ArrayList<>(list.size() + 1);
    UUID key = id.apply(value);
    for (T t : list) {
      if (!id.apply(t).equals(key)) {
        out.add(t);
      }
    }
    if (keep.test(value)) {
      out.add(value);
    }
    return out;
  }
}
