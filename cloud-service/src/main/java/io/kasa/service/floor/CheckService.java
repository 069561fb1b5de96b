package io.kasa.service.floor;

import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.floor.MergeRequest;
import io.kasa.api.floor.MoveRequest;
import io.kasa.api.floor.SettleRequest;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.SplitResult;
import io.kasa.api.floor.TableDto;
import io.kasa.domain.money.Quantity;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * Checks on tables: items added from any terminal, moved to another table, merged (the tables are
 * pushed together), split by seat, by item or evenly, pre-billed, and settled by a sale recorded
 * through the ordinary sale path.
 */
public final class CheckService {

  private static final BigDecimal MAX_QUANTITY = BigDecimal.valueOf(10_000);

  private final Jdbi jdbi;
  private final Clock clock;

  public CheckService(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** Adds an item at its catalogue price; the same line id again adds nothing. */
  public Map.Entry<Boolean, CheckDto> addLine(Principal who, UUID checkId, AddLineRequest r) {
    FloorRows.require(who, Role::canServe, "add to checks");
    if (r.id() == null) {
      throw ApiException.invalid("/id", "The line's id is required");
    }
    if (r.itemId() == null
        || r.itemId().isBlank()
        || r.itemId().codePointCount(0, r.itemId().length()) > 64) {
      throw ApiException.invalid("/itemId", "The item is required");
    }
    Quantity quantity;
    try {
      quantity = Quantity.parse(String.valueOf(r.quantity()));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("/quantity", "A decimal quantity such as 2 or 0.350");
    }
    if (!quantity.isPositive() || quantity.toDecimal().compareTo(MAX_QUANTITY) > 0) {
      throw ApiException.invalid("/quantity", "The quantity is more than 0 and at most 10000");
    }
    int seat = r.seat() == null ? 0 : r.seat();
    if (seat < 0 || seat > 100) {
      throw ApiException.invalid("/seat", "The seat is 0 (the table) to 100");
    }
    int course = r.course() == null ? 0 : r.course();
    if (course < 0 || course > 9) {
      throw ApiException.invalid("/course", "The course is 1 to 9, or 0 for none");
    }
    String note = r.note() == null || r.note().isBlank() ? null : r.note().strip();
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          UUID lineCheck =
              h.createQuery(
                      "select check_id from check_line where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", r.id())
                  .mapTo(UUID.class)
                  .findOne()
                  .orElse(null);
          if (lineCheck != null) {
            if (!lineCheck.equals(checkId)) {
              throw ApiException.conflict("Line " + r.id() + " is on another check");
            }
            if (!h.createQuery(
                    "select item_id = :item and quantity = :quantity and seat = :seat"
                        + " and course = :course and note is not distinct from :note"
                        + " and coalesce((select jsonb_agg(o order by o collate \"C\") from"
                        + " jsonb_array_elements(modifiers) m, jsonb_extract_path_text(m, 'optionId')"
                        + " o), '[]') = cast(:options as jsonb)"
                        + " from check_line where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", r.id())
                .bind("item", r.itemId())
                .bind("quantity", quantity.toDecimal())
                .bind("seat", seat)
                .bind("course", course)
                .bind("note", note)
                .bind("options", optionIds(r))
                .mapTo(Boolean.class)
                .one()) {
              throw ApiException.conflict("Line " + r.id() + " was added with other details");
            }
            return Map.entry(false, FloorRows.check(h, org, store, checkId));
          }
          CheckDto check = open(h, org, store, checkId);
          Map<String, Object> item =
              h.createQuery(
                      "select name, price, unit, open_price from item where organisation_id = :org"
                          + " and id = :id and active")
                  .bind("org", org)
                  .bind("id", r.itemId())
                  .mapToMap()
                  .findOne()
                  .orElseThrow(
                      () ->
                          ApiException.refused(
                              "item-unknown",
                              Map.of("item", r.itemId()),
                              "/itemId",
                              "No item " + r.itemId()));
          if ((Boolean) item.get("open_price")) {
            throw ApiException.refused(
                "open-price-on-check",
                Map.of("item", String.valueOf(item.get("name"))),
                "/itemId",
                "An open-price item is priced at the register, not on a check");
          }
          if ("EACH".equals(item.get("unit")) && !quantity.isWhole()) {
            throw ApiException.invalid("/quantity", "This item is sold in whole units");
          }
          var chosen =
              CheckModifiers.resolve(
                  h,
                  org,
                  KitchenTickets.currency(h, org, store),
                  r.itemId(),
                  String.valueOf(item.get("name")),
                  r.modifiers(),
                  note);
          h.createUpdate(
                  "insert into check_line (organisation_id, id, check_id, added_at, added_by,"
                      + " item_id, name, quantity, unit_price, seat, modifiers, note, course)"
                      + " values (:org, :id, :check, :now, :by, :item, :name, :quantity, :price,"
                      + " :seat, cast(:modifiers as jsonb), :note, :course)")
              .bind("org", org)
              .bind("id", r.id())
              .bind("check", checkId)
              .bind("now", Timestamp.from(now))
              .bind("by", who.employeeId())
              .bind("item", r.itemId())
              .bind("name", item.get("name"))
              .bind("quantity", quantity.toDecimal())
              .bind("price", ((Number) item.get("price")).longValue())
              .bind("seat", seat)
              .bind("modifiers", CheckModifiers.write(chosen))
              .bind("note", note)
              .bind("course", course)
              .execute();
          // New items on a pre-billed check need a new pre-bill.
          bump(h, org, checkId, "OPEN");
          return Map.entry(true, changed(h, org, store, check.tableId(), checkId, now));
        });
  }

  /**
   * Takes an item off a check: anyone serving before the pre-bill, a manager after it (the guest
   * has seen the amount).
   */
  public CheckDto removeLine(Principal who, UUID checkId, UUID lineId) {
    FloorRows.require(who, Role::canServe, "change checks");
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          CheckDto check = open(h, org, store, checkId);
          CheckLineDto line =
              check.lines().stream()
                  .filter(l -> l.id().equals(lineId))
                  .findFirst()
                  .orElseThrow(() -> ApiException.notFound("No item " + lineId + " on this check"));
          if ("PREBILLED".equals(check.state())
              && who.role() != Role.MANAGER
              && who.role() != Role.ADMIN) {
            throw ApiException.forbidden("The pre-bill was printed: a manager takes items off now");
          }
          h.createUpdate(
                  "update check_line set removed = true where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", lineId)
              .execute();
          Audit.record(
              h,
              org,
              who.terminalId(),
              who.employeeId(),
              "CHECK_LINE_REMOVED",
              "check " + check.number() + ": " + line.quantity() + " × " + line.itemId());
          if (line.sentAt() != null) {
            // The kitchen is making it: each station it went to gets a void ticket.
            KitchenTickets.voided(h, org, store, who, check, line, now);
          }
          bump(h, org, checkId, "OPEN");
          return changed(h, org, store, check.tableId(), checkId, now);
        });
  }

  /** Moves a check to a free table. */
  public CheckDto move(Principal who, UUID checkId, MoveRequest r) {
    FloorRows.require(who, Role::canHost, "move guests");
    if (r.tableId() == null) {
      throw ApiException.invalid("/tableId", "The table is required");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          CheckDto check = open(h, org, store, checkId);
          if (check.tableId().equals(r.tableId())) {
            return check;
          }
          FloorRows.sameVersion(r.version(), check.version(), "Check " + check.number());
          TableDto target = FloorRows.table(h, org, store, r.tableId(), now);
          FloorRows.sameVersion(r.tableVersion(), target.version(), "Table " + target.name());
          if (!"FREE".equals(target.state()) || target.joinedTo() != null) {
            throw ApiException.conflict(
                "table-taken",
                Map.of("table", target.name(), "state", target.state()),
                "Table " + target.name() + " is not free");
          }
          if (target.heldFor() != null) {
            throw ApiException.conflict(
                "table-held",
                Map.of("table", target.name(), "party", ""),
                "Table " + target.name() + " is held for a reservation");
          }
          h.createUpdate(
                  "update dining_check set table_id = :table, version = version + 1"
                      + " where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", checkId)
              .bind("table", r.tableId())
              .execute();
          CheckDto moved = FloorRows.check(h, org, store, checkId);
          FloorEvents.check(h, org, store, moved);
          FloorService.refresh(h, org, store, check.tableId(), now, false);
          FloorService.refresh(h, org, store, r.tableId(), now, false);
          return moved;
        });
  }

  /**
   * Merges another check into this one: its items move here, and its table, if it has no other
   * check, is pushed together with this check's table.
   */
  public CheckDto merge(Principal who, UUID checkId, MergeRequest r) {
    FloorRows.require(who, Role::canHost, "merge tables");
    if (r.checkId() == null || r.checkId().equals(checkId)) {
      throw ApiException.invalid("/checkId", "Name another check to merge into this one");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          CheckDto target = open(h, org, store, checkId);
          FloorRows.check(h, org, store, r.checkId());
          if (checkId.equals(link(h, org, r.checkId(), "merged_into"))) {
            return target;
          }
          CheckDto source = open(h, org, store, r.checkId());
          FloorRows.sameVersion(r.version(), target.version(), "Check " + target.number());
          FloorRows.sameVersion(r.otherVersion(), source.version(), "Check " + source.number());
          h.createUpdate(
                  "update check_line set check_id = :target where organisation_id = :org"
                      + " and check_id = :source")
              .bind("org", org)
              .bind("target", checkId)
              .bind("source", source.id())
              .execute();
          h.createUpdate(
                  "update dining_check set state = 'MERGED', merged_into = :target, closed_at = :now,"
                      + " version = version + 1 where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", source.id())
              .bind("target", checkId)
              .bind("now", Timestamp.from(now))
              .execute();
          h.createUpdate(
                  "update dining_check set guests = least(guests + :guests, 100), state = 'OPEN',"
                      + " version = version + 1 where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", checkId)
              .bind("guests", source.guests())
              .execute();
          FloorEvents.check(h, org, store, FloorRows.check(h, org, store, source.id()));
          boolean sameTable = source.tableId().equals(target.tableId());
          if (!sameTable && FloorRows.checksOn(h, org, store, source.tableId()).isEmpty()) {
            h.createUpdate(
                    "update dining_table set joined_to = :head, guests = null, version = version + 1"
                        + " where organisation_id = :org and id = :id")
                .bind("org", org)
                .bind("id", source.tableId())
                .bind("head", target.tableId())
                .execute();
            // Tables already pushed together with the source follow the new head.
            h.createUpdate(
                    "update dining_table set joined_to = :head, version = version + 1"
                        + " where organisation_id = :org and joined_to = :source")
                .bind("org", org)
                .bind("source", source.tableId())
                .bind("head", target.tableId())
                .execute();
            FloorEvents.table(h, org, store, FloorRows.table(h, org, store, source.tableId(), now));
          } else if (!sameTable) {
            FloorService.refresh(h, org, store, source.tableId(), now, false);
          }
          return changed(h, org, store, target.tableId(), checkId, now);
        });
  }

  /** Splits a check by seat, by item, or evenly. */
  public SplitResult split(Principal who, UUID checkId, SplitRequest r) {
    FloorRows.require(who, Role::canServe, "split checks");
    String mode = String.valueOf(r.mode());
    if (!Set.of("SEAT", "ITEMS", "EVEN").contains(mode)) {
      throw ApiException.invalid("/mode", "mode is SEAT, ITEMS or EVEN");
    }
    if ("EVEN".equals(mode) && (r.ways() == null || r.ways() < 1 || r.ways() > 50)) {
      throw ApiException.invalid("/ways", "An even split is 1 to 50 ways");
    }
    if (!"EVEN".equals(mode) && r.newCheckId() == null) {
      throw ApiException.invalid("/newCheckId", "The new check's id is required");
    }
    if ("SEAT".equals(mode) && (r.seat() == null || r.seat() < 1 || r.seat() > 100)) {
      throw ApiException.invalid("/seat", "The seat is 1 to 100");
    }
    if ("ITEMS".equals(mode) && (r.lineIds() == null || r.lineIds().isEmpty())) {
      throw ApiException.invalid("/lineIds", "Name the items that move to the new check");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          byte[] fingerprint =
              Fingerprint.of("split", checkId, mode, r.seat(), r.lineIds(), r.ways());
          if (r.newCheckId() != null) {
            var made = FloorRows.findCheck(h, org, store, r.newCheckId());
            if (made.isPresent()) {
              if (!checkId.equals(link(h, org, r.newCheckId(), "split_from"))) {
                throw ApiException.conflict("Check " + r.newCheckId() + " exists already");
              }
              Fingerprint.check(
                  h,
                  org,
                  r.newCheckId(),
                  fingerprint,
                  "Check " + r.newCheckId() + " was split off with other details");
              return new SplitResult(FloorRows.check(h, org, store, checkId), made.get());
            }
          }
          CheckDto check = open(h, org, store, checkId);
          if ("EVEN".equals(mode)) {
            if (check.splitWays() != r.ways()) {
              FloorRows.sameVersion(r.version(), check.version(), "Check " + check.number());
              h.createUpdate(
                      "update dining_check set split_ways = :ways, version = version + 1"
                          + " where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", checkId)
                  .bind("ways", r.ways())
                  .execute();
              check = FloorRows.check(h, org, store, checkId);
              FloorEvents.check(h, org, store, check);
            }
            return new SplitResult(check, null);
          }
          FloorRows.sameVersion(r.version(), check.version(), "Check " + check.number());
          List<UUID> moving;
          if ("SEAT".equals(mode)) {
            moving =
                check.lines().stream()
                    .filter(l -> l.seat() == r.seat())
                    .map(CheckLineDto::id)
                    .toList();
            if (moving.isEmpty()) {
              throw ApiException.refused(
                  "seat-empty",
                  Map.of("seat", String.valueOf(r.seat())),
                  "/seat",
                  "Seat " + r.seat() + " has nothing on this check");
            }
          } else {
            Set<UUID> onCheck = new HashSet<>();
            check.lines().forEach(l -> onCheck.add(l.id()));
            for (int i = 0; i < r.lineIds().size(); i++) {
              if (!onCheck.contains(r.lineIds().get(i))) {
                throw ApiException.invalid("/lineIds/" + i, "Not an item on this check");
              }
            }
            moving = List.copyOf(new HashSet<>(r.lineIds()));
          }
          if (moving.size() == check.lines().size()) {
            throw ApiException.refused(
                "split-everything",
                Map.of(),
                "SEAT".equals(mode) ? "/seat" : "/lineIds",
                "Leave at least one item on the check, or move the whole check");
          }
          h.createUpdate(
                  "insert into dining_check (organisation_id, id, store_id, table_id, number, guests,"
                      + " opened_at, opened_by, split_from, request_hash) values (:org, :id, :store,"
                      + " :table, :number, 1, :opened, :by, :from, :fingerprint)")
              .bind("org", org)
              .bind("id", r.newCheckId())
              .bind("store", store)
              .bind("table", check.tableId())
              .bind("number", FloorEvents.nextCheckNumber(h, org, store))
              .bind("opened", Timestamp.from(check.openedAt()))
              .bind("by", who.employeeId())
              .bind("from", checkId)
              .bind("fingerprint", fingerprint)
              .execute();
          h.createUpdate(
                  "update check_line set check_id = :new where organisation_id = :org"
                      + " and id in (<ids>)")
              .bind("org", org)
              .bind("new", r.newCheckId())
              .bindList("ids", moving)
              .execute();
          h.createUpdate(
                  "update dining_check set guests = greatest(guests - 1, 1), state = 'OPEN',"
                      + " version = version + 1 where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", checkId)
              .execute();
          CheckDto created = FloorRows.check(h, org, store, r.newCheckId());
          FloorEvents.check(h, org, store, created);
          CheckDto rest = changed(h, org, store, check.tableId(), checkId, now);
          return new SplitResult(rest, created);
        });
  }

  /** Marks a check pre-billed (printed for the guests); printing it again changes nothing. */
  public CheckDto prebill(Principal who, UUID checkId, long version) {
    FloorRows.require(who, Role::canServe, "print pre-bills");
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          CheckDto check = open(h, org, store, checkId);
          if ("PREBILLED".equals(check.state())) {
            return check;
          }
          FloorRows.sameVersion(version, check.version(), "Check " + check.number());
          if (check.lines().isEmpty()) {
            throw ApiException.conflict(
                "check-empty",
                Map.of("check", String.valueOf(check.number())),
                "Check " + check.number() + " has no items yet");
          }
          bump(h, org, checkId, "PREBILLED");
          return changed(h, org, store, check.tableId(), checkId, now);
        });
  }

  /**
   * Marks a check paid by a sale recorded through {@code POST /v1/sales}, which must hold exactly
   * its items at its prices. The table then waits to be cleared.
   */
  public CheckDto settle(Principal who, UUID checkId, SettleRequest r) {
    FloorRows.require(who, Role::canServe, "take payment for checks");
    if (r.saleId() == null) {
      throw ApiException.invalid("/saleId", "The sale is required");
    }
    return FloorRows.change(
        jdbi,
        clock,
        who,
        (h, org, store, now) -> {
          CheckDto check = FloorRows.check(h, org, store, checkId);
          if (r.saleId().equals(check.saleId())) {
            return check;
          }
          check = open(h, org, store, checkId);
          String saleState =
              h.createQuery("select state from sale where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", r.saleId())
                  .mapTo(String.class)
                  .findOne()
                  .orElseThrow(
                      () ->
                          ApiException.invalid(
                              "/saleId", "No sale " + r.saleId() + " is recorded: send it first"));
          if (!"PAID".equals(saleState)) {
            throw ApiException.invalid("/saleId", "The sale is " + saleState.toLowerCase());
          }
          Map<String, BigDecimal> sold =
              totals(
                  h.createQuery(
                          "select item_id, unit_price, quantity, coalesce((select string_agg(o,"
                              + " ',' order by o collate \"C\") from jsonb_array_elements(modifiers)"
                              + " m, jsonb_extract_path_text(m, 'optionId') o), '') as options"
                              + " from sale_line where organisation_id = :org and sale_id = :id"
                              + " and not voided")
                      .bind("org", org)
                      .bind("id", r.saleId())
                      .mapToMap()
                      .list(),
                  row ->
                      row.get("item_id")
                          + " at "
                          + ((Number) row.get("unit_price")).longValue()
                          + options((String) row.get("options")));
          Map<String, BigDecimal> ordered = new TreeMap<>();
          for (CheckLineDto l : check.lines()) {
            ordered.merge(
                l.itemId()
                    + " at "
                    + l.unitPrice()
                    + options(
                        String.join(
                            ",", l.modifiers().stream().map(m -> m.optionId()).sorted().toList())),
                new BigDecimal(l.quantity()),
                BigDecimal::add);
          }
          if (!sold.equals(normalise(ordered))) {
            throw ApiException.invalid(
                "/saleId",
                "The sale holds "
                    + sold
                    + " but check "
                    + check.number()
                    + " holds "
                    + normalise(ordered));
          }
          FloorRows.writeOrConflict(
              () ->
                  h.createUpdate(
                          "update dining_check set state = 'PAID', sale_id = :sale, closed_at = :now,"
                              + " version = version + 1 where organisation_id = :org and id = :id")
                      .bind("org", org)
                      .bind("id", checkId)
                      .bind("sale", r.saleId())
                      .bind("now", Timestamp.from(now))
                      .execute(),
              "Sale " + r.saleId() + " already paid another check");
          CheckDto paid = FloorRows.check(h, org, store, checkId);
          FloorEvents.check(h, org, store, paid);
          FloorService.refresh(
              h,
              org,
              store,
              check.tableId(),
              now,
              FloorRows.checksOn(h, org, store, check.tableId()).isEmpty());
          return paid;
        });
  }

  /** The option ids a request asks for, sorted, as a JSON array. */
  private static String optionIds(AddLineRequest r) {
    List<String> ids =
        r.modifiers() == null
            ? List.of()
            : r.modifiers().stream()
                .filter(m -> m != null && m.optionId() != null)
                .map(m -> m.optionId())
                .sorted()
                .toList();
    try {
      return io.kasa.service.http.Json.mapper().writeValueAsString(ids);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** How a line's options read in the settlement's comparison: nothing for none. */
  private static String options(String ids) {
    return ids == null || ids.isEmpty() ? "" : " with " + ids;
  }

  private static Map<String, BigDecimal> totals(
      List<Map<String, Object>> rows, Function<Map<String, Object>, String> key) {
    Map<String, BigDecimal> totals = new TreeMap<>();
    for (Map<String, Object> row : rows) {
      totals.merge(key.apply(row), (BigDecimal) row.get("quantity"), BigDecimal::add);
    }
    return normalise(totals);
  }

  private static Map<String, BigDecimal> normalise(Map<String, BigDecimal> totals) {
    Map<String, BigDecimal> out = new TreeMap<>();
    totals.forEach((k, v) -> out.put(k, v.stripTrailingZeros()));
    return out;
  }

  /** The check, which must still be open (OPEN or PREBILLED). */
  private static CheckDto open(Handle h, UUID org, UUID store, UUID checkId) {
    CheckDto check = FloorRows.check(h, org, store, checkId);
    if (!"OPEN".equals(check.state()) && !"PREBILLED".equals(check.state())) {
      throw ApiException.conflict(
          "check-closed",
          Map.of("check", String.valueOf(check.number()), "state", check.state()),
          "Check " + check.number() + " is " + check.state().toLowerCase() + " already");
    }
    return check;
  }

  /** The check a check was split from or merged into ({@code column}), or null. */
  private static UUID link(Handle h, UUID org, UUID checkId, String column) {
    return h.createQuery(
            "select " + column + " from dining_check where organisation_id = :org and id = :id")
        .bind("org", org)
        .bind("id", checkId)
        .mapTo(UUID.class)
        .findOne()
        .orElse(null);
  }

  private static void bump(Handle h, UUID org, UUID checkId, String state) {
    h.createUpdate(
            "update dining_check set state = :state, version = version + 1"
                + " where organisation_id = :org and id = :id")
        .bind("org", org)
        .bind("id", checkId)
        .bind("state", state)
        .execute();
  }

  /** Appends the check's event and brings its table in line; answers the check. */
  private static CheckDto changed(
      Handle h, UUID org, UUID store, UUID tableId, UUID checkId, Instant now) {
    CheckDto check = FloorRows.check(h, org, store, checkId);
    FloorEvents.check(h, org, store, check);
    FloorService.refresh(h, org, store, tableId, now, false);
    return check;
  }
}
