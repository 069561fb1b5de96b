package io.kasa.packaging.cli;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import io.javalin.Javalin;
import io.kasa.api.auth.PinHasher;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.service.CloudServices;
import io.kasa.service.admin.DemoData;
import io.kasa.service.db.Database;
import io.kasa.service.http.CloudApp;
import io.kasa.service.sales.PaymentProcessors;
import io.kasa.terminal.cli.WindowOptions;
import io.kasa.terminal.devices.DeviceChoice;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Demo mode: the cloud service on an embedded PostgreSQL with the demo store seeded (a few hundred
 * items, cashier PIN 1111, manager PIN 9999), this terminal enrolled with it, and a simulated
 * receipt printer whose output is shown on screen and kept as raw ESC/POS bytes and PDF under
 * {@code kasa-demo/receipts}. Everything stays in {@code kasa-demo/}: run it again and the register
 * carries on where it stopped.
 */
@Command(
    name = "kasa-demo",
    mixinStandardHelpOptions = true,
    version = "kasa-demo 0.1.0",
    description = "The Kasa register in demo mode, with an embedded service and simulated devices.")
public final class KasaDemo implements Callable<Integer> {

  @Option(
      names = "--data",
      defaultValue = "kasa-demo",
      description = "Where the demo keeps everything (default ${DEFAULT-VALUE})")
  Path data;

  @Mixin WindowOptions window = new WindowOptions();

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The float of the demo's open shift: 1 000,00 ₴, in kopecks. */
  static final long DEMO_FLOAT = 100_000;

  public static void main(String[] args) {
    CommandLine cli = new CommandLine(new KasaDemo());
    cli.setOut(new PrintWriter(System.out, true, StandardCharsets.UTF_8));
    cli.setErr(new PrintWriter(System.err, true, StandardCharsets.UTF_8));
    System.exit(cli.execute(args));
  }

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    Path absolute = data.toAbsolutePath();
    Path logs = absolute.resolve("logs");
    logTo(logs);
    out.println("Logs:     " + logs.resolve("kasa-demo.log"));
    out.println(
        "Kasa demo: starting the service on an embedded PostgreSQL in "
            + absolute.resolve("cloud"));
    Database db = Database.embedded(absolute.resolve("cloud"), 8);
    CloudServices services =
        new CloudServices(
            db,
            // The demo asks for the test processor by name, as `kasa-cloud serve --payments test`
            // does: no money moves (ADR 0031).
            PaymentProcessors.named("test"),
            new PinHasher(PinHasher.DEFAULT_ITERATIONS),
            null,
            Clock.systemUTC());
    Javalin app = null;
    try {
      // The same port as the last run when it is free, so the QR codes of receipts printed then
      // still open their pages (the store's public address is this service).
      int kept = ServicePort.kept(absolute);
      int port = ServicePort.free(kept) ? kept : 0;
      app = CloudApp.create(services.app(), null).start("127.0.0.1", port);
      if (kept != 0 && app.port() != kept) {
        out.println(
            "Port "
                + kept
                + " of the last run is taken: the service is on "
                + app.port()
                + " this time, so receipts printed before open their pages at this address"
                + " (their /r/… path is the same).");
      }
      ServicePort.keep(absolute, app.port());
      return run(out, absolute, db, services, app);
    } catch (Exception | Error e) {
      // The window could not open (no display?): stop the service and its database too.
      if (app != null) {
        app.stop();
      }
      services.close();
      db.close();
      throw e;
    }
  }

  /** Where the demo's kitchen tickets are printed (raw ESC/POS, appended). */
  static final String KITCHEN_TICKETS = "kitchen-tickets.escpos";

  private Integer run(
      PrintWriter out, Path absolute, Database db, CloudServices services, Javalin app)
      throws Exception {
    URI url = URI.create("http://127.0.0.1:" + app.port());
    // The service's port is kept from run to run when free (ServicePort); the terminal follows it.
    CloudTerminal terminal =
        CloudTerminal.open(
            absolute.resolve("terminal"),
            Clock.systemUTC(),
            stored -> CloudClientConfig.defaults(url));
    terminal.reportVersion(io.kasa.terminal.app.BuildInfo.current().version());
    if (!terminal.enrolled()) {
      out.println("Seeding the demo store and enrolling this terminal…");
      DemoData.Seeded seeded = DemoData.seed(services.admin());
      DemoData.openingStock(services.admin(), seeded.organisationId(), seeded.storeId());
      // The demo store takes tips (5, 10, 15 %): paying by card shows the tip step (ADR 0054).
      services
          .admin()
          .stores()
          .setTips(seeded.organisationId(), seeded.storeId(), true, null, null);
      terminal.enroll(url, seeded.terminal().enrollmentCode(), "kasa-demo");
      // The demo's first sale needs no shift step: Олена opened the till with a float (ADR 0021).
      terminal.shifts().open(DEMO_FLOAT, seeded.cashierId());
    } else {
      terminal.refreshConfig();
      terminal.syncCatalog();
    }
    // The store's public address is this service, on its port: each receipt's QR code opens
    // its page at /r/{token} (ADR 0041). Set before the till reads its configuration again.
    java.util.UUID[] store = storeOf(db, terminal);
    services.admin().configureStore(store[0], store[1], null, url.toString(), null);
    terminal.refreshConfig();
    Path receipts = absolute.resolve("receipts");
    out.println("Service:  " + url);
    out.println("Receipt pages: " + url + "/r/… (the QR code on each receipt opens its page)");
    out.println(
        "Sign in:  Олена (cashier) PIN 1111 · Андрій (manager) PIN 9999 · Ірина (host) PIN 5555"
            + " · Тарас (technician) PIN 7777");
    out.println("Receipts: " + receipts + " (raw ESC/POS .escpos and .pdf)");
    java.util.UUID org =
        db.jdbi()
            .withHandle(
                h ->
                    h.createQuery("select organisation_id from terminal where id = :id")
                        .bind("id", terminal.config().terminalId())
                        .mapTo(java.util.UUID.class)
                        .one());
    // A manager's changes (README: set-price, create-employee, …) reach this register live.
    out.println("Admin:    --data " + absolute.resolve("cloud") + " --org " + org);
    for (String line : officeBanner(app.port(), absolute, officeOwner(services, org))) {
      out.println(line);
    }
    DeviceChoice.save(terminal, "sim:printer", DeviceChoice.DEFAULT_PROFILE);
    // The demo's register is also the kitchen's printer (ADR 0053): the hot kitchen's and the
    // bar's tickets append to one file beside the receipts, unless a technician chose otherwise.
    java.nio.file.Files.createDirectories(receipts);
    if (terminal.setting(io.kasa.terminal.devices.DeviceSettings.KITCHEN_URI).isEmpty()) {
      terminal.setting(
          io.kasa.terminal.devices.DeviceSettings.KITCHEN_URI,
          "file:" + receipts.resolve(KITCHEN_TICKETS));
      terminal.setting(
          io.kasa.terminal.devices.DeviceSettings.KITCHEN_PROFILE, DeviceChoice.DEFAULT_PROFILE);
      terminal.setting(io.kasa.terminal.kitchen.KitchenStationPrinter.STATIONS, "hot,bar");
    }
    out.println(
        "Kitchen:  tickets for «Гаряча кухня» and «Бар» in " + receipts.resolve(KITCHEN_TICKETS));
    // The processor's test cards on the screen, as a card reader would take them.
    terminal.setting(DeviceChoice.CARD_READER_URI, "sim:card-reader");
    window.run(
        terminal,
        receipts,
        () -> {
          services.close();
          app.stop();
          db.close();
        });
    return 0;
  }

  /** The organisation and store of the demo's terminal, as the service has them. */
  private static java.util.UUID[] storeOf(Database db, CloudTerminal terminal) {
    return db.jdbi()
        .withHandle(
            h ->
                h.createQuery("select organisation_id, store_id from terminal where id = :id")
                    .bind("id", terminal.config().terminalId())
                    .map(
                        (rs, ctx) ->
                            new java.util.UUID[] {
                              rs.getObject(1, java.util.UUID.class),
                              rs.getObject(2, java.util.UUID.class)
                            })
                    .one());
  }

  /**
   * Sends the log to {@code dir}/kasa-demo.log (warnings also to the console), replacing the
   * service's console-only set-up the demo's class path brings along.
   */
  private static void logTo(Path dir) throws JoranException {
    LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
    context.reset();
    context.putProperty("LOG_DIR", dir.toString());
    JoranConfigurator configurator = new JoranConfigurator();
    configurator.setContext(context);
    configurator.doConfigure(KasaDemo.class.getResource("demo-logback.xml"));
  }

  /**
   * The demo organisation's back-office owner, created with a generated password when it has none
   * yet (the first start, or a demo folder from before the back office), else null: the password is
   * printed once and kept only hashed.
   */
  static DemoData.OfficeOwner officeOwner(CloudServices services, java.util.UUID org) {
    boolean exists =
        services.officeAccounts().list(org).stream()
            .anyMatch(a -> a.email().equals(DemoData.OWNER_EMAIL));
    return exists ? null : DemoData.officeOwner(services.officeAccounts(), org);
  }

  /**
   * The banner's lines about the back office: its address and the owner's sign-in (the password
   * when it was generated now, else how to get a new one).
   */
  static java.util.List<String> officeBanner(int port, Path data, DemoData.OfficeOwner createdNow) {
    String office = "http://localhost:" + port + "/office/";
    String owner =
        createdNow != null
            ? "Owner:    "
                + createdNow.email()
                + " password "
                + createdNow.password()
                + " (generated now and kept only hashed: note it)"
            : "Owner:    "
                + DemoData.OWNER_EMAIL
                + " with the password printed at the first start; a new one:"
                + " java -jar cloud-service/target/kasa-cloud.jar admin office-reset-link --data "
                + data.resolve("cloud")
                + " --email "
                + DemoData.OWNER_EMAIL
                + " --office-url http://localhost:"
                + port;
    return java.util.List.of("Office:   " + office + " (the back office, in a browser)", owner);
  }
}
