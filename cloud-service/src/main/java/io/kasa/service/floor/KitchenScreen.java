package io.kasa.service.floor;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.floor.FloorEvent;
import io.kasa.api.kitchen.KitchenBumpDto;
import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.api.kitchen.KitchenTicketLineDto;
import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.service.http.ApiException;
import io.kasa.service.http.Json;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The kitchen screen's state (ADR 0055): a store's open tickets, read from the kitchen events of
 * the floor's log (ADR 0053) of the last {@link #OPEN_FOR}, less what its screens have bumped
 * ({@code kitchen_bump}); the last bumped tickets to recall; the all-day counts. A bump or a recall
 * is stored and appended to the log as a {@code KDS_BUMP} event in one transaction under the
 * store's stream lock, so every screen following the stream shows the same state.
 */
public final class KitchenScreen {

  /** How long a ticket stays on the screen unbumped: a kitchen's day. */
  public static final Duration OPEN_FOR = Duration.ofHours(12);

  /** How many bumped tickets can be recalled. */
  public static final int RECALLS = 10;

  /** How many of the store's last ticket bumps a board reads, for the recall lists. */
  static final int RECENT_BUMPS = 100;

  /** A ticket's age, in minutes, from which its card is amber ("late"). */
  public static final int AMBER_MINUTES = 8;

  /** A ticket's age, in minutes, from which its card is red ("very late"). */
  public static final int RED_MINUTES = 15;

  /** The line id under which a whole ticket's bump is kept. */
  static final UUID WHOLE = new UUID(0, 0);

  private static final ObjectMapper MAPPER = Json.mapper();

  private final Jdbi jdbi;
  private final Clock clock;
  private final FloorEvents events;

  public KitchenScreen(Jdbi jdbi, Clock clock, FloorEvents events) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.events = events;
  }

  /**
   * Streams the store's tickets, voids, bumps and recalls after {@code after} to {@code sink} until
   * the client goes away; answers a handle that stops it.
   */
  public Runnable follow(UUID org, UUID store, long after, FloorEvents.Sink sink) {
    return events.subscribe(org, store, after, FloorEvents.Only.SCREEN, sink);
  }

  /** A store whose kitchen has stations. */
  public record Store(UUID id, String name) {}

  /** A station of the store. */
  public record Station(String id, String name) {}

  /** A line on a card: done (bumped) or taken off the check after it was sent (voided). */
  public record Line(KitchenTicketLineDto line, boolean bumped, boolean voided) {

    /** The options' names, joined. */
    public String options() {
      return line.modifiers().stream()
          .map(ChosenModifierDto::optionName)
          .collect(Collectors.joining(", "));
    }
  }

  /**
   * One ticket on the screen.
   *
   * @param ticket the ticket as sent
   * @param lines its lines with their state
   * @param bumpedAt when it was bumped (recall list), else null
   * @param bumpNo the order of its bump among the store's (recall list), else 0
   */
  public record Card(KitchenTicketDto ticket, List<Line> lines, Instant bumpedAt, long bumpNo) {

    /** Whether this is a void ticket (lines to stop making). */
    public boolean isVoid() {
      return "VOID".equals(ticket.kind());
    }

    /** How many lines are still to make. */
    public long open() {
      return lines.stream().filter(l -> !l.bumped() && !l.voided()).count();
    }
  }

  /** An item's total quantity, with its options, across the open lines. */
  public record Count(String name, String options, BigDecimal quantity) {

    /** The quantity as written, e.g. "3" or "0.35". */
    public String amount() {
      return quantity.stripTrailingZeros().toPlainString();
    }
  }

  /**
   * What a screen shows.
   *
   * @param store the store
   * @param stations the store's stations
   * @param station the station shown, or null for all
   * @param cards the open tickets, oldest first
   * @param recall the last bumped tickets, newest first
   * @param counts the all-day counts, most first
   * @param now when it was read
   */
  public record Board(
      Store store,
      List<Station> stations,
      String station,
      List<Card> cards,
      List<Card> recall,
      List<Count> counts,
      Instant now) {}

  /** The stores of {@code org} in {@code scope} (null for all) that have kitchen stations. */
  public List<Store> stores(UUID org, List<UUID> scope) {
    return jdbi.withHandle(
        h ->
            h
                .createQuery(
                    "select s.id, s.name from store s where s.organisation_id = :org and exists"
                        + " (select 1 from kitchen_station k where k.organisation_id = s.organisation_id"
                        + " and k.store_id = s.id) order by s.name, s.id")
                .bind("org", org)
                .map((rs, ctx) -> new Store(rs.getObject("id", UUID.class), rs.getString("name")))
                .list()
                .stream()
                .filter(s -> scope == null || scope.contains(s.id()))
                .toList());
  }

  /**
   * The board of {@code store} for {@code station} (null for all); empty when the store is not one
   * of {@code org}'s, or the station not one of the store's.
   */
  public Optional<Board> board(UUID org, UUID store, String station) {
    return jdbi.withHandle(
        h -> {
          Optional<String> name =
              h.createQuery("select name from store where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", store)
                  .mapTo(String.class)
                  .findOne();
          if (name.isEmpty()) {
            return Optional.empty();
          }
          List<Station> stations =
              h.createQuery(
                      "select id, name from kitchen_station where organisation_id = :org"
                          + " and store_id = :store order by position, id")
                  .bind("org", org)
                  .bind("store", store)
                  .map((rs, ctx) -> new Station(rs.getString("id"), rs.getString("name")))
                  .list();
          if (station != null && stations.stream().noneMatch(s -> s.id().equals(station))) {
            return Optional.empty();
          }
          Instant now = clock.instant();
          return Optional.of(
              read(h, org, store, now, new Store(store, name.get()), stations, station));
        });
  }

  private Board read(
      Handle h,
      UUID org,
      UUID store,
      Instant now,
      Store named,
      List<Station> stations,
      String station) {
    List<KitchenTicketDto> sent = tickets(h, org, store, now);
    Map<UUID, Map<UUID, Bumped>> bumps = bumps(h, org, store, now);
    // Which lines each station was told to stop making.
    Set<String> voided = new HashSet<>();
    for (KitchenTicketDto t : sent) {
      if ("VOID".equals(t.kind())) {
        t.lines().forEach(l -> voided.add(t.stationId() + "/" + l.lineId()));
      }
    }
    Map<String, UUID> openTicketOfLine = new HashMap<>();
    Map<UUID, Card> all = new LinkedHashMap<>();
    for (KitchenTicketDto t : sent) {
      Map<UUID, Bumped> b = bumps.getOrDefault(t.id(), Map.of());
      boolean isVoid = "VOID".equals(t.kind());
      List<Line> lines =
          t.lines().stream()
              .map(
                  l ->
                      new Line(
                          l,
                          b.containsKey(l.lineId()),
                          !isVoid && voided.contains(t.stationId() + "/" + l.lineId())))
              .toList();
      Bumped whole = b.get(WHOLE);
      Card card =
          new Card(t, lines, whole == null ? null : whole.at(), whole == null ? 0 : whole.no());
      all.put(t.id(), card);
      if (!isVoid && card.bumpedAt() == null) {
        t.lines().forEach(l -> openTicketOfLine.put(t.stationId() + "/" + l.lineId(), t.id()));
      }
    }
    List<Card> cards = new ArrayList<>();
    for (Card c : all.values()) {
      if (c.bumpedAt() != null || (station != null && !station.equals(c.ticket().stationId()))) {
        continue;
      }
      if (c.isVoid()
          && c.ticket().lines().stream()
              .allMatch(
                  l -> openTicketOfLine.containsKey(c.ticket().stationId() + "/" + l.lineId()))) {
        // Its lines are struck on their open ticket's card: no card of its own.
        continue;
      }
      cards.add(c);
    }
    List<Card> recall =
        all.values().stream()
            .filter(c -> c.bumpedAt() != null)
            .filter(c -> station == null || station.equals(c.ticket().stationId()))
            .sorted((a, b) -> Long.compare(b.bumpNo(), a.bumpNo()))
            .limit(RECALLS)
            .toList();
    return new Board(named, stations, station, cards, recall, counts(cards), now);
  }

  /** The all-day counts: each item with its options, summed over the open lines, most first. */
  static List<Count> counts(List<Card> cards) {
    Map<List<String>, BigDecimal> sums = new LinkedHashMap<>();
    for (Card c : cards) {
      if (c.isVoid()) {
        continue;
      }
      for (Line l : c.lines()) {
        if (!l.bumped() && !l.voided()) {
          sums.merge(
              List.of(l.line().name(), l.options()),
              new BigDecimal(l.line().quantity()),
              BigDecimal::add);
        }
      }
    }
    return sums.entrySet().stream()
        .map(e -> new Count(e.getKey().get(0), e.getKey().get(1), e.getValue()))
        .sorted(
            (a, b) ->
                b.quantity().compareTo(a.quantity()) != 0
                    ? b.quantity().compareTo(a.quantity())
                    : (a.name() + a.options()).compareTo(b.name() + b.options()))
        .toList();
  }

  /**
   * The store's tickets and voids of the last {@link #OPEN_FOR}, oldest first, but those bumped
   * before the store's last {@link #RECENT_BUMPS} ticket bumps (no longer on the screen, nor to
   * recall): a busy day's board is read at the size of what is open.
   */
  private static List<KitchenTicketDto> tickets(Handle h, UUID org, UUID store, Instant now) {
    return h
        .createQuery(
            "select e.body::text from floor_event e where e.organisation_id = :org"
                + " and e.store_id = :store"
                + " and e.body->>'kind' in ('KITCHEN_TICKET', 'KITCHEN_VOID') and e.at > :since"
                + " and not exists (select 1 from kitchen_bump b where b.organisation_id = :org"
                + " and b.store_id = :store and b.ticket_id = (e.body->'ticket'->>'id')::uuid"
                + " and b.line_id = :whole and b.bump_no < coalesce((select min(r.bump_no) from"
                + " (select bump_no from kitchen_bump where organisation_id = :org"
                + " and store_id = :store and line_id = :whole order by bump_no desc"
                + " limit :recent) r), 0))"
                + " order by e.id")
        .bind("org", org)
        .bind("store", store)
        .bind("whole", WHOLE)
        .bind("recent", RECENT_BUMPS)
        .bind("since", Timestamp.from(now.minus(OPEN_FOR)))
        .mapTo(String.class)
        .list()
        .stream()
        .map(KitchenScreen::ticketOf)
        .toList();
  }

  private static KitchenTicketDto ticketOf(String body) {
    try {
      return MAPPER.readValue(body, FloorEvent.class).ticket();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A kitchen event that is not JSON", e);
    }
  }

  /** A bump: when, and its order among the store's. */
  private record Bumped(Instant at, long no) {}

  /** Each ticket's bumped lines (and {@link #WHOLE} for the ticket) with when. */
  private static Map<UUID, Map<UUID, Bumped>> bumps(Handle h, UUID org, UUID store, Instant now) {
    Map<UUID, Map<UUID, Bumped>> bumps = new HashMap<>();
    h.createQuery(
            "select ticket_id, line_id, bumped_at, bump_no from kitchen_bump"
                + " where organisation_id = :org and store_id = :store and bumped_at > :since")
        .bind("org", org)
        .bind("store", store)
        .bind("since", Timestamp.from(now.minus(OPEN_FOR.multipliedBy(2))))
        .mapToMap()
        .forEach(
            r ->
                bumps
                    .computeIfAbsent((UUID) r.get("ticket_id"), k -> new HashMap<>())
                    .put(
                        (UUID) r.get("line_id"),
                        new Bumped(
                            ((Timestamp) r.get("bumped_at")).toInstant(),
                            ((Number) r.get("bump_no")).longValue())));
    return bumps;
  }

  /**
   * Bumps {@code line} of {@code ticket} (null: the whole ticket, which leaves the screen); the
   * last open line bumped bumps its ticket too. Answers whether anything changed (a bump again
   * changes nothing); 404 for a ticket or line the store's screen does not show.
   */
  public boolean bump(UUID org, UUID store, UUID ticket, UUID line, UUID by) {
    return jdbi.inTransaction(
        h -> {
          FloorEvents.lock(h, org, store);
          Instant now = clock.instant();
          KitchenTicketDto t = ticket(h, org, store, ticket, now);
          if (line != null && t.lines().stream().noneMatch(l -> l.lineId().equals(line))) {
            throw ApiException.notFound("No line " + line + " on ticket " + ticket);
          }
          boolean changed = insert(h, org, store, t, line == null ? WHOLE : line, now, by);
          if (changed) {
            FloorEvents.bump(
                h, org, store, new KitchenBumpDto(ticket, line, t.stationId(), true, now));
          }
          if (changed && line != null) {
            Set<UUID> done =
                new HashSet<>(
                    h.createQuery(
                            "select line_id from kitchen_bump where organisation_id = :org"
                                + " and store_id = :store and ticket_id = :ticket")
                        .bind("org", org)
                        .bind("store", store)
                        .bind("ticket", ticket)
                        .mapTo(UUID.class)
                        .list());
            if (t.lines().stream().allMatch(l -> done.contains(l.lineId()))
                && insert(h, org, store, t, WHOLE, now, by)) {
              FloorEvents.bump(
                  h, org, store, new KitchenBumpDto(ticket, null, t.stationId(), true, now));
            }
          }
          return changed;
        });
  }

  /** Brings a bumped ticket back whole (its lines' bumps too); answers whether anything changed. */
  public boolean recall(UUID org, UUID store, UUID ticket) {
    return jdbi.inTransaction(
        h -> {
          FloorEvents.lock(h, org, store);
          Instant now = clock.instant();
          KitchenTicketDto t = ticket(h, org, store, ticket, now);
          int deleted =
              h.createUpdate(
                      "delete from kitchen_bump where organisation_id = :org and store_id = :store"
                          + " and ticket_id = :ticket")
                  .bind("org", org)
                  .bind("store", store)
                  .bind("ticket", ticket)
                  .execute();
          if (deleted > 0) {
            FloorEvents.bump(
                h, org, store, new KitchenBumpDto(ticket, null, t.stationId(), false, now));
          }
          return deleted > 0;
        });
  }

  /** The id of the store's last event: where a screen's stream starts. */
  public long last(UUID org, UUID store) {
    return jdbi.withHandle(h -> FloorEvents.last(h, org, store));
  }

  private static boolean insert(
      Handle h, UUID org, UUID store, KitchenTicketDto t, UUID line, Instant now, UUID by) {
    return h.createUpdate(
                "insert into kitchen_bump (organisation_id, store_id, ticket_id, line_id,"
                    + " station_id, bumped_at, bumped_by) values (:org, :store, :ticket, :line,"
                    + " :station, :now, :by) on conflict do nothing")
            .bind("org", org)
            .bind("store", store)
            .bind("ticket", t.id())
            .bind("line", line)
            .bind("station", t.stationId())
            .bind("now", Timestamp.from(now))
            .bind("by", by)
            .execute()
        > 0;
  }

  private static KitchenTicketDto ticket(Handle h, UUID org, UUID store, UUID ticket, Instant now) {
    return tickets(h, org, store, now).stream()
        .filter(t -> t.id().equals(ticket))
        .findFirst()
        .orElseThrow(
            () -> ApiException.notFound("No ticket " + ticket + " on this store's screen"));
  }
}
