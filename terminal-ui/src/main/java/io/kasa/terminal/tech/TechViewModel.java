package io.kasa.terminal.tech;

import io.kasa.terminal.devices.DeviceBench;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.i18n.ServiceWords;
import io.kasa.terminal.task.TaskExecutor;
import io.kasa.terminal.ui.Banner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The technician's set-up of this terminal's devices. The draft is edited field by field; Apply
 * checks it, keeps it on the terminal and reopens the test bench with it. What the devices report
 * goes to a diagnostics log that can be exported for support, beside a summary of the set-up that
 * can be printed or exported too. The set-up is backed up to the service per terminal, and a
 * replacement terminal restores it from there.
 */
public final class TechViewModel implements AutoCloseable {

  /** Where the set-up is kept on this terminal. */
  public interface Store {
    DeviceSettings saved();

    void save(DeviceSettings settings);

    /** The terminal, for the summary: its code and name. */
    String terminal();
  }

  /** The set-up's backup on the service. */
  public interface Backup {
    /** Backs the settings up, replacing the terminal's previous backup. */
    void backUp(Map<String, String> settings);

    /** The terminal's backup, or empty when it has none. */
    Optional<Map<String, String>> restore();
  }

  static final int LOG_LINES = 500;
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss");

  private final Store store;
  private final Backup backup;
  private final BiFunction<DeviceSettings, Consumer<DeviceBench.Report>, DeviceBench> benches;
  private final java.util.function.Supplier<List<DeviceBench.Attached>> attachedNow;
  private final TaskExecutor tasks;
  private final Messages messages;
  private final Clock clock;
  private final Path supportFolder;
  private final BenchJobs jobs;
  private final Map<String, StringProperty> fields = new LinkedHashMap<>();
  private final AttachedPorts ports;
  private final KitchenChoices kitchen;
  private final ObservableList<String> log = FXCollections.observableArrayList();
  private final StringProperty lastScan = new SimpleStringProperty("");
  private final StringProperty printerStatus = new SimpleStringProperty("");
  private final StringProperty drawerStatus = new SimpleStringProperty("");
  private final ObjectProperty<Banner> banner = new SimpleObjectProperty<>();
  private DeviceBench bench;
  private boolean closed;

  /**
   * @param benches opens the devices of a set-up for testing, reporting to the log it is given
   *     (from device threads)
   * @param attachedNow lists the serial ports and USB devices attached now
   * @param supportFolder where exported summaries and logs are written
   * @param jobsFolder where the jobs the bench sends are kept (beside the receipts)
   */
  public TechViewModel(
      Store store,
      Backup backup,
      BiFunction<DeviceSettings, Consumer<DeviceBench.Report>, DeviceBench> benches,
      java.util.function.Supplier<List<DeviceBench.Attached>> attachedNow,
      TaskExecutor tasks,
      Messages messages,
      Clock clock,
      Path supportFolder,
      Path jobsFolder) {
    this.store = store;
    this.backup = backup;
    this.benches = benches;
    this.attachedNow = attachedNow;
    this.tasks = tasks;
    this.messages = messages;
    messages.follow(banner, b -> b.again(messages));
    messages.follow(printerStatus);
    messages.follow(drawerStatus);
    messages.follow(lastScan);
    this.clock = clock;
    this.supportFolder = supportFolder;
    this.jobs = new BenchJobs(tasks, messages, jobsFolder, this::note);
    this.ports = new AttachedPorts(messages, this::note);
    for (String name : DeviceSettings.NAMES) {
      fields.put(name, new SimpleStringProperty(""));
    }
    this.kitchen = new KitchenChoices(fields.get(DeviceSettings.KITCHEN_STATIONS), tasks, messages);
    show(store.saved());
  }

  /**
   * Reads the store's kitchen stations from {@code source} (the service's {@code GET
   * /v1/kitchen/stations}) for the technician to tick; without it only the saved ones show.
   */
  public TechViewModel stationsFrom(Callable<List<io.kasa.api.kitchen.KitchenStationDto>> source) {
    kitchen.source(source);
    return this;
  }

  /** The kitchen stations to tick for this register's kitchen printer. */
  public KitchenChoices kitchen() {
    return kitchen;
  }

  /** Opens the saved set-up on the bench and lists what is attached. */
  public void start() {
    openBench(store.saved());
    pollPorts();
    kitchen.load();
  }

  // --- state

  /** A setting of the draft, by its name ({@link DeviceSettings#NAMES}). */
  public StringProperty field(String name) {
    StringProperty f = fields.get(name);
    if (f == null) {
      throw new IllegalArgumentException("No device setting " + name);
    }
    return f;
  }

  public ObservableList<DeviceBench.Attached> attached() {
    return ports.attached();
  }

  public ObservableList<String> log() {
    return log;
  }

  public ReadOnlyStringProperty lastScanProperty() {
    return lastScan;
  }

  /** The receipt printer's status as it last reported it. */
  public ReadOnlyStringProperty printerStatusProperty() {
    return printerStatus;
  }

  /** The drawer's last event. */
  public ReadOnlyStringProperty drawerStatusProperty() {
    return drawerStatus;
  }

  /** The jobs the bench sent this session, and the chosen one's bytes. */
  public BenchJobs jobs() {
    return jobs;
  }

  public ReadOnlyObjectProperty<Banner> bannerProperty() {
    return banner;
  }

  /** The bench's devices, for tests against the simulators. */
  public DeviceBench bench() {
    return bench;
  }

  /** The draft as settings. */
  public DeviceSettings draft() {
    return DeviceSettings.read(
        name -> Optional.ofNullable(fields.get(name).get()).filter(v -> !v.isBlank()));
  }

  // --- actions

  /** Puts an attached device's URI into the setting of a role. */
  public void use(String setting, DeviceBench.Attached device) {
    if (device != null) {
      field(setting).set(device.uri());
    }
  }

  /** Checks the draft; when it holds, keeps it on this terminal and reopens the bench with it. */
  public boolean apply() {
    DeviceSettings draft = draft();
    List<String> problems = draft.problems(messages);
    if (!problems.isEmpty()) {
      banner.set(new Banner(Banner.Kind.ERROR, String.join("; ", problems)));
      return false;
    }
    store.save(draft);
    openBench(draft);
    note(messages.get("tech.applied"));
    banner.set(new Banner(Banner.Kind.INFO, messages.get("tech.applied")));
    return true;
  }

  public void testPage() {
    printed(() -> bench.testPage(false), "tech.testPage.done");
  }

  public void testKitchen() {
    if (bench != null && !bench.hasKitchen()) {
      banner.set(new Banner(Banner.Kind.WARNING, messages.get("tech.noKitchen")));
      return;
    }
    printed(() -> bench.testPage(true), "tech.testPage.done");
  }

  /** Prints the test page on the kitchen's fallback printer (ADR 0057). */
  public void testFallback() {
    if (bench != null && !bench.hasFallback()) {
      banner.set(new Banner(Banner.Kind.WARNING, messages.get("tech.noFallback")));
      return;
    }
    printed(() -> bench.testFallback(), "tech.testPage.done");
  }

  public void openDrawer() {
    run(
        () -> bench.openDrawer().get(),
        r -> {
          String text = ServiceWords.drawer(messages, r);
          note(text);
          banner.set(new Banner(r.kicked() ? Banner.Kind.INFO : Banner.Kind.ERROR, text));
        });
  }

  /** Stores the image in the receipt printer's NV memory. */
  public void storeLogo(Path image) {
    if (image == null) {
      banner.set(new Banner(Banner.Kind.WARNING, messages.get("tech.logo.choose")));
      return;
    }
    printed(
        () -> bench.storeLogo(image),
        "tech.logo.done",
        () -> {
          // Stored, the logo prints at the top of every receipt from now on.
          field(DeviceSettings.PRINTER_LOGO).set(DeviceBench.LOGO_KEY);
          store.save(store.saved().with(DeviceSettings.PRINTER_LOGO, DeviceBench.LOGO_KEY));
        });
  }

  /** The set-up as text: terminal, time, every setting, and what is attached. */
  public List<String> summary() {
    List<String> out = new ArrayList<>();
    out.add(messages.get("tech.summary.title"));
    out.add(store.terminal());
    out.add(TIME.withZone(ZoneId.systemDefault()).format(clock.instant()) + " " + clock.instant());
    out.add("");
    store.saved().toMap().forEach((k, v) -> out.add(k + " = " + v));
    out.add("");
    out.add(messages.get("tech.attached"));
    out.addAll(ports.summary());
    return out;
  }

  public void printSummary() {
    List<String> lines = summary();
    printed(() -> bench.printSummary(lines), "tech.summary.printed");
  }

  /** Writes the summary and the diagnostics log to a file in the support folder. */
  public void export() {
    List<String> lines = new ArrayList<>(summary());
    lines.add("");
    lines.add(messages.get("tech.diagnostics"));
    lines.addAll(log);
    java.time.Instant at = clock.instant();
    run(
        () -> AttachedPorts.export(supportFolder, at, lines),
        file -> {
          String text = messages.get("tech.exported", file);
          note(text);
          banner.set(new Banner(Banner.Kind.INFO, text));
        });
  }

  /** Backs the saved set-up up to the service. */
  public void backUp() {
    Map<String, String> settings = store.saved().toMap();
    run(
        () -> {
          backup.backUp(settings);
          return settings.size();
        },
        n -> {
          note(messages.get("tech.backedUp", n));
          banner.set(new Banner(Banner.Kind.INFO, messages.get("tech.backedUp", n)));
        });
  }

  /** Fills the draft with the service's backup (Apply keeps it). */
  public void restore() {
    run(
        backup::restore,
        found -> {
          if (found.isEmpty()) {
            banner.set(new Banner(Banner.Kind.WARNING, messages.get("tech.noBackup")));
            return;
          }
          show(DeviceSettings.read(name -> Optional.ofNullable(found.get().get(name))));
          note(messages.get("tech.restored"));
          banner.set(new Banner(Banner.Kind.INFO, messages.get("tech.restored")));
        });
  }

  /** Lists the attached devices again, logging what was plugged in or pulled out since. */
  public void pollPorts() {
    if (closed) {
      return;
    }
    tasks.submit(attachedNow::get, ports::update, e -> {});
  }

  /** What is attached to a port, in the screen's words (see {@link AttachedPorts#describe}). */
  public String describe(DeviceBench.Attached a) {
    return ports.describe(a);
  }

  // --- plumbing

  private void show(DeviceSettings settings) {
    settings.toMap().forEach((k, v) -> fields.get(k).set(v));
  }

  private void openBench(DeviceSettings settings) {
    if (bench != null) {
      bench.close();
    }
    bench = benches.apply(settings, deviceLog());
    if (bench != null) {
      bench.onSent(job -> tasks.ui(() -> jobs.sent(job)));
    }
  }

  /** A scan from a keyboard-wedge scanner while this screen is up: logged like the others. */
  public void scanned(io.kasa.devices.scanner.ScanEvent scan) {
    String line = DeviceBench.describe(scan, messages);
    note(line);
    lastScan.set(line);
  }

  /** What the bench reports, from device threads, into the log on the UI thread. */
  private Consumer<DeviceBench.Report> deviceLog() {
    return report ->
        tasks.ui(
            () -> {
              note(report.text());
              switch (report.source()) {
                case SCANNER -> lastScan.set(report.text());
                case RECEIPT_PRINTER -> printerStatus.set(report.text());
                case DRAWER -> drawerStatus.set(report.text());
                case KITCHEN_PRINTER, FALLBACK_PRINTER -> {
                  // only in the log: the live status shows the receipt printer
                }
              }
            });
  }

  private void note(String line) {
    log.add(0, TIME.withZone(ZoneId.systemDefault()).format(clock.instant()) + "  " + line);
    if (log.size() > LOG_LINES) {
      log.remove(LOG_LINES, log.size());
    }
  }

  private void printed(
      Callable<CompletableFuture<io.kasa.devices.printer.PrintResult>> job, String done) {
    printed(job, done, () -> {});
  }

  private void printed(
      Callable<CompletableFuture<io.kasa.devices.printer.PrintResult>> job,
      String done,
      Runnable afterwards) {
    run(
        () -> job.call().get(),
        r -> {
          if (r.printed()) {
            afterwards.run();
          }
          String text =
              r.printed()
                  ? messages.get(done)
                  : messages.get(
                      "tech.printFailed",
                      messages.get(
                          "tech.failure."
                              + (r.failure() == null
                                  ? "io"
                                  : r.failure().name().toLowerCase(java.util.Locale.ROOT))));
          // The device's own words stay in the log, for support; the banner is the screen's.
          note(r.printed() ? text : text + " — " + r.message());
          banner.set(new Banner(r.printed() ? Banner.Kind.INFO : Banner.Kind.ERROR, text));
        });
  }

  private <T> void run(Callable<T> work, Consumer<T> done) {
    tasks.submit(
        work,
        done,
        e -> {
          Throwable cause =
              e instanceof java.util.concurrent.ExecutionException && e.getCause() != null
                  ? e.getCause()
                  : e;
          // The service's refusals in the register's words; a system error's own detail is kept
          // for the technician.
          String text =
              cause instanceof io.kasa.client.http.CloudProblemException p
                  ? messages.get("tech.failed", ServiceWords.problem(messages, p.problem()))
                  : cause instanceof DeviceBench.Refused r
                      ? messages.get(r.key(), r.args())
                      : messages.get("tech.failed", String.valueOf(cause.getMessage()));
          note(text);
          banner.set(new Banner(Banner.Kind.ERROR, text));
        });
  }

  @Override
  public void close() {
    closed = true;
    if (bench != null) {
      bench.close();
      bench = null;
    }
  }
}
