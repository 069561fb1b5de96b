package io.kasa.terminal.host;

import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.client.floor.FloorState;
import io.kasa.client.floor.LiveFloor;
import io.kasa.client.http.CloudProblemException;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.TaskExecutor;
import io.kasa.terminal.ui.Banner;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The host stand's state and actions. The floor comes live from the service; every action names the
 * version the host saw, so when another terminal got there first the host is told, and the floor
 * shows what happened instead. With the service out of reach the last known floor stays on screen,
 * read-only, under a banner.
 */
public final class HostViewModel {

  /** What the next tap on a table does. */
  public enum Mode {
    SELECT,
    /** Move the selected table's check to the tapped (free) table. */
    MOVE,
    /** Merge the tapped table's check into the selected table's. */
    MERGE
  }

  private final HostStand stand;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final Clock clock;
  private final boolean canSell;
  private final ObjectProperty<FloorState> floor = new SimpleObjectProperty<>();
  private final BooleanProperty live = new SimpleBooleanProperty();
  private final ObjectProperty<UUID> area = new SimpleObjectProperty<>();
  private final ObjectProperty<UUID> table = new SimpleObjectProperty<>();
  private final ObjectProperty<UUID> party = new SimpleObjectProperty<>();
  private final ObjectProperty<Mode> mode = new SimpleObjectProperty<>(Mode.SELECT);
  private final ObjectProperty<Banner> banner = new SimpleObjectProperty<>();
  private final BooleanProperty busy = new SimpleBooleanProperty();
  private final ObjectProperty<Instant> now;
  private final java.util.function.Function<CheckDto, Optional<String>> pay;
  private final boolean canEditFloor;
  private final BooleanProperty editing = new SimpleBooleanProperty();

  /**
   * @param canSell whether the signed-in employee takes payment (a host does not)
   * @param canEditFloor whether the signed-in employee lays out the floor (a manager)
   * @param pay opens the sale screen with a check's items, to take payment for it; or answers why
   *     it cannot
   */
  public HostViewModel(
      HostStand stand,
      TaskExecutor tasks,
      Messages messages,
      Clock clock,
      boolean canSell,
      boolean canEditFloor,
      java.util.function.Function<CheckDto, Optional<String>> pay) {
    this.canEditFloor = canEditFloor;
    this.stand = stand;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(banner, b -> b.again(messages));
    this.clock = clock;
    this.canSell = canSell;
    this.pay = pay;
    this.now = new SimpleObjectProperty<>(clock.instant());
  }

  /** Starts following the floor. */
  public void start() {
    // Off the UI thread: following starts by reading the floor cached on the terminal.
    tasks.submit(
        () -> {
          stand.follow(view -> tasks.ui(() -> show(view)));
          return null;
        },
        started -> {},
        e -> warn("host.unreachable"));
  }

  public void stop() {
    stand.stop();
  }

  private void show(LiveFloor.View view) {
    floor.set(view.state());
    live.set(view.live());
    List<AreaDto> areas = view.state().floor().areas();
    if (!areas.isEmpty()
        && (area.get() == null || areas.stream().noneMatch(a -> a.id().equals(area.get())))) {
      area.set(areas.get(0).id());
    }
    if (party.get() != null
        && view.state().floor().parties().stream().noneMatch(p -> p.id().equals(party.get()))) {
      party.set(null);
    }
    if (!view.live()) {
      banner.set(new Banner(Banner.Kind.WARNING, messages.get("host.offline")));
    } else if (banner.get() != null && banner.get().text().equals(messages.get("host.offline"))) {
      banner.set(null);
    }
  }

  /** Moves the clock the timers read; the view calls it every few seconds. */
  public void tick() {
    now.set(clock.instant());
  }

  // --- state

  public ReadOnlyObjectProperty<FloorState> floorProperty() {
    return floor;
  }

  public ReadOnlyBooleanProperty liveProperty() {
    return live;
  }

  public ObjectProperty<UUID> areaProperty() {
    return area;
  }

  public ObjectProperty<UUID> tableProperty() {
    return table;
  }

  public ObjectProperty<UUID> partyProperty() {
    return party;
  }

  public ReadOnlyObjectProperty<Mode> modeProperty() {
    return mode;
  }

  public ReadOnlyObjectProperty<Banner> bannerProperty() {
    return banner;
  }

  public ReadOnlyBooleanProperty busyProperty() {
    return busy;
  }

  public ReadOnlyObjectProperty<Instant> nowProperty() {
    return now;
  }

  public boolean canSell() {
    return canSell;
  }

  /** The selected table, as the floor shows it now. */
  public Optional<TableDto> selectedTable() {
    return table.get() == null || floor.get() == null
        ? Optional.empty()
        : floor.get().table(table.get());
  }

  /** The selected party, as the floor shows it now. */
  public Optional<PartyDto> selectedParty() {
    return party.get() == null || floor.get() == null
        ? Optional.empty()
        : floor.get().floor().parties().stream()
            .filter(p -> p.id().equals(party.get()))
            .findFirst();
  }

  /** The open checks on the selected table (on the table it is pushed together with, if so). */
  public List<CheckDto> selectedChecks() {
    return selectedTable()
        .map(t -> floor.get().checksOn(t.joinedTo() != null ? t.joinedTo() : t.id()))
        .orElse(List.of());
  }

  /** Minutes since {@code since}, by the stand's clock. */
  public long minutesSince(Instant since) {
    return since == null ? 0 : Math.max(0, Duration.between(since, now.get()).toMinutes());
  }

  /** A party's place in line among the waiting walk-ins (1 is next), or 0 for a reservation. */
  public int position(PartyDto p) {
    return floor.get() == null ? 0 : floor.get().line().indexOf(p) + 1;
  }

  // --- taps

  /** A tap on a table: selects it, or completes a move or merge onto it. */
  public void tapTable(UUID id) {
    if (editing.get()) {
      table.set(id);
      return;
    }
    Mode m = mode.get();
    mode.set(Mode.SELECT);
    if (m == Mode.SELECT || table.get() == null || id.equals(table.get())) {
      table.set(id);
      return;
    }
    Optional<CheckDto> from = openCheck();
    Optional<TableDto> target = floor.get().table(id);
    if (from.isEmpty() || target.isEmpty()) {
      table.set(id);
      return;
    }
    CheckDto check = from.get();
    TableDto to = target.get();
    if (m == Mode.MOVE) {
      run(
          () -> stand.move(check.id(), check.version(), to.id(), to.version()),
          moved -> {
            table.set(to.id());
            info("host.moved", to.name());
          });
    } else {
      Optional<CheckDto> other =
          floor.get().checksOn(to.id()).stream().filter(HostViewModel::unpaid).findFirst();
      if (other.isEmpty()) {
        warn("host.mergeNothing", to.name());
        return;
      }
      run(
          () -> stand.merge(check.id(), check.version(), other.get().id(), other.get().version()),
          merged -> info("host.merged", to.name()));
    }
  }

  public void tapParty(UUID id) {
    party.set(id.equals(party.get()) ? null : id);
  }

  // --- seating

  /** Seats the selected party (or walk-ins, {@code guests} of them) at the selected table. */
  public void seat(int guests) {
    seat(guests, false);
  }

  /** Seats at a table a reservation holds, on the host's word. */
  public void seatAnyway(int guests) {
    seat(guests, true);
  }

  private void seat(int guests, boolean overrideHold) {
    if (!writable()) {
      return;
    }
    Optional<TableDto> t = selectedTable();
    if (t.isEmpty()) {
      warn("host.chooseTable");
      return;
    }
    Optional<PartyDto> p = selectedParty();
    int count = p.map(PartyDto::size).orElse(guests);
    if (count < 1) {
      warn("host.guests");
      return;
    }
    TableDto at = t.get();
    run(
        () ->
            stand.seat(
                at.id(), count, p.map(PartyDto::id).orElse(null), at.version(), overrideHold),
        check -> {
          party.set(null);
          info("host.seated", at.name(), count);
        });
  }

  /** Clears the selected table. */
  public void clear() {
    Optional<TableDto> t = selectedTable();
    if (t.isEmpty() || !writable()) {
      return;
    }
    TableDto at = t.get();
    run(() -> stand.clear(at.id(), at.version()), done -> info("host.cleared", at.name()));
  }

  // --- waitlist

  /**
   * Adds a walk-in party (reservedFor null) or books a reservation; {@code added} runs once the
   * service has it (the form keeps what was typed until then).
   */
  public void addParty(
      String name,
      int size,
      String phone,
      String notes,
      Instant reservedFor,
      UUID forTable,
      Runnable added) {
    if (!writable()) {
      return;
    }
    if (name == null || name.isBlank() || size < 1) {
      warn("host.partyIncomplete");
      return;
    }
    PartyRequest r =
        new PartyRequest(
            UUID.randomUUID(),
            name.strip(),
            size,
            blank(phone),
            blank(notes),
            reservedFor,
            forTable);
    run(
        () -> stand.addParty(r),
        p -> {
          added.run();
          party.set(p.id());
          if (p.reservedFor() != null) {
            info("host.booked", p.name());
          } else if (p.quotedMinutes() == null) {
            warn("host.noTableFits", p.name(), p.size());
          } else {
            info("host.quoted", p.name(), p.quotedMinutes());
          }
        });
  }

  public void notifyParty() {
    status("NOTIFIED", "host.notified");
  }

  public void noShow() {
    status("NO_SHOW", "host.noShow");
  }

  public void cancelParty() {
    status("CANCELLED", "host.cancelled");
  }

  private void status(String status, String done) {
    Optional<PartyDto> p = selectedParty();
    if (p.isEmpty()) {
      warn("host.chooseParty");
      return;
    }
    if (!writable()) {
      return;
    }
    PartyDto of = p.get();
    run(() -> stand.partyStatus(of.id(), status, of.version()), changed -> info(done, of.name()));
  }

  // --- checks

  /** Tells the host the reservation time is not HH:mm. */
  public void warnTimeFormat() {
    warn("host.timeFormat");
  }

  /** The selected table's first check not yet paid. */
  private Optional<CheckDto> openCheck() {
    return selectedChecks().stream().filter(HostViewModel::unpaid).findFirst();
  }

  private static boolean unpaid(CheckDto c) {
    return "OPEN".equals(c.state()) || "PREBILLED".equals(c.state());
  }

  /** The selected table's (first) open check, when it may be changed now; else says why not. */
  private Optional<CheckDto> checkToChange() {
    Optional<CheckDto> c = openCheck();
    if (c.isEmpty()) {
      warn("host.noCheck");
      return Optional.empty();
    }
    return writable() ? c : Optional.empty();
  }

  /** Adds an item by its code (barcode, PLU or id) for a seat (0: the table). */
  public void addItem(String itemId, String quantity, int seat) {
    checkToChange()
        .ifPresent(c -> run(() -> stand.addItem(c.id(), itemId, quantity, seat), check -> {}));
  }

  /** Sends the selected table's check's new lines to the kitchen (ADR 0053). */
  public void sendToKitchen() {
    Optional<CheckDto> c = checkToChange();
    if (c.isEmpty()) {
      return;
    }
    CheckDto check = c.get();
    run(
        () -> stand.sendToKitchen(check.id()),
        sent ->
            info(
                sent.tickets().isEmpty() ? "host.kitchen.nothing" : "host.kitchen.sent",
                check.number(),
                sent.tickets().stream()
                    .map(t -> t.stationName())
                    .collect(java.util.stream.Collectors.joining(", "))));
  }

  /** Prints the pre-bill of the selected table's check and marks it pre-billed. */
  public void prebill() {
    Optional<CheckDto> c = checkToChange();
    if (c.isEmpty()) {
      return;
    }
    CheckDto check = c.get();
    String tableName = selectedTable().map(TableDto::name).orElse("");
    run(
        () -> {
          CheckDto marked = stand.prebill(check.id(), check.version());
          stand.printPrebill(marked, tableName);
          return marked;
        },
        done -> info("host.prebilled", check.number()));
  }

  /** The next table tapped receives the selected table's check. */
  public void startMove() {
    startMode(Mode.MOVE, "host.moveWhere");
  }

  /** The next table tapped is merged into the selected table's check. */
  public void startMerge() {
    startMode(Mode.MERGE, "host.mergeWhich");
  }

  private void startMode(Mode m, String prompt) {
    if (checkToChange().isPresent()) {
      mode.set(m);
      info(prompt, selectedTable().map(TableDto::name).orElse(""));
    }
  }

  /** Cancels a move or merge in progress. */
  public void cancelMode() {
    mode.set(Mode.SELECT);
  }

  /** Moves the items of {@code seat} to a check of their own. */
  public void splitBySeat(int seat) {
    split(
        check -> new SplitRequest("SEAT", check.version(), seat, null, UUID.randomUUID(), null),
        "host.splitSeat",
        seat);
  }

  /** Moves the chosen items to a check of their own. */
  public void splitItems(List<UUID> lineIds) {
    if (lineIds.isEmpty()) {
      warn("host.chooseItems");
      return;
    }
    List<UUID> ids = List.copyOf(lineIds);
    split(
        check -> new SplitRequest("ITEMS", check.version(), null, ids, UUID.randomUUID(), null),
        "host.splitItems",
        ids.size());
  }

  /** Splits the selected table's check into {@code ways} equal parts. */
  public void splitEvenly(int ways) {
    split(
        check -> new SplitRequest("EVEN", check.version(), null, null, null, ways),
        "host.splitEven",
        ways);
  }

  private void split(
      java.util.function.Function<CheckDto, SplitRequest> request, String done, Object detail) {
    checkToChange()
        .ifPresent(
            check ->
                run(() -> stand.split(check.id(), request.apply(check)), r -> info(done, detail)));
  }

  /** Opens the sale screen with the selected table's check, to take payment. */
  public void pay() {
    Optional<CheckDto> c = openCheck();
    if (c.isEmpty()) {
      warn("host.noCheck");
      return;
    }
    if (!canSell) {
      warn("host.cannotSell");
      return;
    }
    if (c.get().lines().isEmpty()) {
      warn("host.emptyCheck");
      return;
    }
    pay.apply(c.get()).ifPresent(why -> banner.set(new Banner(Banner.Kind.WARNING, why)));
  }

  // --- laying out the floor (managers)

  public boolean canEditFloor() {
    return canEditFloor;
  }

  /** Whether taps and drags lay the floor out instead of seating (Ctrl+E). */
  public ReadOnlyBooleanProperty editingProperty() {
    return editing;
  }

  public void toggleEditing() {
    if (!canEditFloor) {
      warn("host.edit.managers");
      return;
    }
    editing.set(!editing.get());
    mode.set(Mode.SELECT);
    info(editing.get() ? "host.edit.on" : "host.edit.off");
  }

  /** Adds a table to the current area, near its top left corner. */
  public void addTable(String name, int seats, String shape) {
    UUID inArea = area.get();
    if (!editing.get() || inArea == null || !writable()) {
      return;
    }
    UUID id = UUID.randomUUID();
    io.kasa.api.floor.TableRequest r =
        new io.kasa.api.floor.TableRequest(inArea, name, seats, shape, 20, 20, 140, 140, null);
    run(
        () -> stand.putTable(id, r),
        t -> {
          table.set(t.id());
          info("host.edit.added", t.name());
        });
  }

  /** Renames the selected table, or changes its seats or shape (blank or 0: unchanged). */
  public void changeTable(String name, int seats, String shape) {
    Optional<TableDto> t = selectedTable();
    if (!editing.get() || t.isEmpty() || !writable()) {
      warn("host.chooseTable");
      return;
    }
    TableDto at = t.get();
    io.kasa.api.floor.TableRequest r =
        new io.kasa.api.floor.TableRequest(
            at.areaId(),
            name == null || name.isBlank() ? at.name() : name.strip(),
            seats > 0 ? seats : at.seats(),
            shape == null ? at.shape() : shape,
            at.x(),
            at.y(),
            at.width(),
            at.height(),
            at.version());
    run(() -> stand.putTable(at.id(), r), changed -> info("host.edit.changed", changed.name()));
  }

  /** Moves the selected table on the plan to ({@code x}, {@code y}), kept inside the plan. */
  public void placeTable(UUID id, int x, int y) {
    Optional<TableDto> t = floor.get() == null ? Optional.empty() : floor.get().table(id);
    if (!editing.get() || t.isEmpty() || !writable()) {
      return;
    }
    TableDto at = t.get();
    int nx = Math.max(0, Math.min(1000 - at.width(), x));
    int ny = Math.max(0, Math.min(1000 - at.height(), y));
    if (nx == at.x() && ny == at.y()) {
      return;
    }
    io.kasa.api.floor.TableRequest r =
        new io.kasa.api.floor.TableRequest(
            at.areaId(),
            at.name(),
            at.seats(),
            at.shape(),
            nx,
            ny,
            at.width(),
            at.height(),
            at.version());
    run(() -> stand.putTable(at.id(), r), moved -> {});
  }

  /** Nudges the selected table by ({@code dx}, {@code dy}) plan units (arrow keys). */
  public void nudge(int dx, int dy) {
    selectedTable().ifPresent(t -> placeTable(t.id(), t.x() + dx, t.y() + dy));
  }

  /** Takes the selected (free) table off the plan. */
  public void removeTable() {
    Optional<TableDto> t = selectedTable();
    if (!editing.get() || t.isEmpty() || !writable()) {
      return;
    }
    TableDto at = t.get();
    run(
        () -> {
          stand.removeTable(at.id(), at.version());
          return at;
        },
        gone -> {
          table.set(null);
          info("host.edit.removed", gone.name());
        });
  }

  /** Adds an area after the others. */
  public void addArea(String name) {
    if (!editing.get() || name == null || name.isBlank() || !writable()) {
      return;
    }
    int position = floor.get() == null ? 0 : floor.get().floor().areas().size();
    run(
        () ->
            stand.putArea(
                UUID.randomUUID(), new io.kasa.api.floor.AreaRequest(name.strip(), position, null)),
        a -> {
          area.set(a.id());
          info("host.edit.areaAdded", a.name());
        });
  }

  // --- plumbing

  private boolean writable() {
    if (!live.get()) {
      warn("host.readOnly");
      return false;
    }
    return true;
  }

  private <T> void run(Callable<T> work, Consumer<T> done) {
    busy.set(true);
    tasks.submit(
        work,
        result -> {
          busy.set(false);
          done.accept(result);
        },
        failure -> {
          busy.set(false);
          if (failure instanceof CloudProblemException) {
            banner.set(
                new Banner(
                    Banner.Kind.ERROR,
                    io.kasa.terminal.i18n.ServiceWords.problem(
                        messages, ((CloudProblemException) failure).problem())));
          } else {
            warn("host.unreachable");
          }
        });
  }

  private void info(String key, Object... args) {
    banner.set(new Banner(Banner.Kind.INFO, messages.get(key, args)));
  }

  private void warn(String key, Object... args) {
    banner.set(new Banner(Banner.Kind.WARNING, messages.get(key, args)));
  }

  private static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
