package io.kasa.terminal.host;

import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.PartyDto;
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
 *
 * <p>It keeps the floor, what is selected, seating, clearing, moving, merging and paying, and the
 * plumbing the rest share (tasks off the UI thread, the banner); the rest are its parts by what
 * they do: {@link Waitlist}, {@link CheckOrder} (items, options, notes, courses, the kitchen),
 * {@link CheckBill} (pre-bill, splits) and {@link FloorEditor} (laying out the floor).
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
  private final boolean canHost;
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
  private final FloorEditor editor;
  private final CheckOrder order;
  private final Waitlist waitlist;
  private final CheckBill bill;

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
    this.stand = stand;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(banner, b -> b.again(messages));
    this.clock = clock;
    this.canSell = canSell;
    // As the service's roles: a host, a manager or an admin runs the floor (seats, the waitlist,
    // moves and joins); a cashier at the stand serves its checks only.
    this.canHost = !canSell || canEditFloor;
    this.pay = pay;
    this.now = new SimpleObjectProperty<>(clock.instant());
    this.editor = new FloorEditor(this, stand, canEditFloor);
    this.order = new CheckOrder(this, stand, messages);
    this.waitlist = new Waitlist(this, stand);
    this.bill = new CheckBill(this, stand);
  }

  /** The selected table's bill: pre-bill and splits. */
  public CheckBill bill() {
    return bill;
  }

  /** The waitlist's parties: adding, booking, notifying, no-shows and cancelling. */
  public Waitlist waitlist() {
    return waitlist;
  }

  /** Laying out the floor (managers, Ctrl+E). */
  public FloorEditor editor() {
    return editor;
  }

  /** Ordering on the selected table's check: items with their options, courses, the kitchen. */
  public CheckOrder order() {
    return order;
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

  /**
   * Whether the signed-in employee runs the floor: seats guests, keeps the waitlist, moves and
   * joins tables. A cashier does not, and the stand neither offers it nor sends it; a key for it
   * says who may.
   */
  public boolean canHost() {
    if (!canHost) {
      warn("host.hostOnly");
    }
    return canHost;
  }

  /** The same, asked by the screen to lay itself out: no words. */
  public boolean runsTheFloor() {
    return canHost;
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
    if (editor.editingProperty().get()) {
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

  // --- checks

  /** The selected table's first check not yet paid. */
  Optional<CheckDto> openCheck() {
    return selectedChecks().stream().filter(HostViewModel::unpaid).findFirst();
  }

  static boolean unpaid(CheckDto c) {
    return "OPEN".equals(c.state()) || "PREBILLED".equals(c.state());
  }

  /** The selected table's (first) open check, when it may be changed now; else says why not. */
  Optional<CheckDto> checkToChange() {
    Optional<CheckDto> c = openCheck();
    if (c.isEmpty()) {
      warn("host.noCheck");
      return Optional.empty();
    }
    return writable() ? c : Optional.empty();
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

  // --- plumbing

  boolean writable() {
    if (!live.get()) {
      warn("host.readOnly");
      return false;
    }
    return true;
  }

  <T> void run(Callable<T> work, Consumer<T> done) {
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

  void info(String key, Object... args) {
    banner.set(new Banner(Banner.Kind.INFO, messages.get(key, args)));
  }

  void warn(String key, Object... args) {
    banner.set(new Banner(Banner.Kind.WARNING, messages.get(key, args)));
  }

  /** Shows {@code text} as it is, already in the host's words. */
  void say(Banner.Kind kind, String text) {
    banner.set(new Banner(kind, text));
  }

  /** The floor as it is now, or null before it is first read. */
  FloorState floorNow() {
    return floor.get();
  }

  static String blank(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
