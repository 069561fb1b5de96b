package io.kasa.service.cli;

import io.javalin.Javalin;
import io.kasa.api.auth.PinHasher;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.service.CloudServices;
import io.kasa.service.admin.AdminService;
import io.kasa.service.admin.DemoData;
import io.kasa.service.auth.Role;
import io.kasa.service.catalog.CatalogImport;
import io.kasa.service.db.Database;
import io.kasa.service.db.embedded.EmbeddedPostgres;
import io.kasa.service.http.CloudApp;
import io.kasa.service.sales.PaymentProcessor;
import io.kasa.service.sales.PaymentProcessors;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code kasa-cloud}: runs the service, or administers its database. */
@Command(
    name = "kasa-cloud",
    mixinStandardHelpOptions = true,
    version = "kasa-cloud 0.1.0",
    description = "The Kasa cloud service.",
    subcommands = {KasaCloud.Serve.class, KasaCloud.Admin.class})
public final class KasaCloud implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, true, StandardCharsets.UTF_8);
    CommandLine cli = new CommandLine(new KasaCloud());
    cli.setOut(out);
    cli.setErr(err);
    cli.setExecutionExceptionHandler(
        (e, commandLine, parseResult) -> {
          commandLine
              .getErr()
              .println(
                  "kasa-cloud: "
                      + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()));
          return 1;
        });
    int code = cli.execute(args);
    if (code != 0 || !(args.length > 0 && args[0].equals("serve"))) {
      System.exit(code);
    }
  }

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Where the database is. */
  static final class DatabaseOptions {
    @Option(
        names = "--db",
        defaultValue = "${env:KASA_DB:-embedded}",
        description =
            "embedded, or a JDBC URL jdbc:postgresql://host/db (env KASA_DB; default embedded)")
    String db;

    @Option(
        names = "--data",
        defaultValue = "${env:KASA_DATA_DIR:-kasa-data}",
        description =
            "Data directory of the embedded PostgreSQL (env KASA_DATA_DIR; default kasa-data);"
                + " admin commands work beside a service running on it")
    Path data;

    @Option(
        names = "--db-user",
        defaultValue = "${env:KASA_DB_USER:-kasa}",
        description = "Database user of a --db URL (env KASA_DB_USER)")
    String user;

    @Option(
        names = "--db-password",
        defaultValue = "${env:KASA_DB_PASSWORD}",
        description =
            "Database password of a --db URL (env KASA_DB_PASSWORD); the embedded one keeps its"
                + " own in DIR/pg.password")
    String password;

    @Option(
        names = "--pool",
        defaultValue = "${env:KASA_DB_POOL:-0}",
        description =
            "Connection pool size (env KASA_DB_POOL; default twice this machine's cores, at least 4)")
    int pool;

    Database open(EmbeddedPostgres.Use use) {
      int size = pool > 0 ? pool : Database.defaultPoolSize();
      return "embedded".equals(db)
          ? Database.embedded(data, size, use)
          : Database.connect(db, user, password == null ? "" : password, size);
    }
  }

  @Command(name = "serve", mixinStandardHelpOptions = true, description = "Run the service.")
  static final class Serve implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin DatabaseOptions database = new DatabaseOptions();

    @Option(
        names = "--port",
        defaultValue = "${env:KASA_PORT:-8080}",
        description = "HTTP port (env KASA_PORT; default 8080)")
    int port;

    @Option(
        names = "--tls-port",
        defaultValue = "${env:KASA_TLS_PORT:-8443}",
        description = "HTTPS port when --tls-keystore is given (env KASA_TLS_PORT; default 8443)")
    int tlsPort;

    @Option(
        names = "--tls-keystore",
        defaultValue = "${env:KASA_TLS_KEYSTORE}",
        description =
            "PKCS12 key store with the certificate: also serve HTTPS (env KASA_TLS_KEYSTORE)")
    Path tlsKeystore;

    @Option(
        names = "--tls-password",
        defaultValue = "${env:KASA_TLS_PASSWORD}",
        description = "Key store password (env KASA_TLS_PASSWORD)")
    String tlsPassword;

    @Option(
        names = "--metrics-token",
        defaultValue = "${env:KASA_METRICS_TOKEN}",
        description = "Bearer token for /metrics (env KASA_METRICS_TOKEN)")
    String metricsToken;

    @Option(
        names = "--payments",
        defaultValue = "${env:KASA_PAYMENTS}",
        description =
            "The card processor (env KASA_PAYMENTS): test is the built-in test processor, for"
                + " demos and tests only (no money moves); without one, card payments are off")
    String payments;

    @Override
    public Integer call() throws InterruptedException {
      // An unknown name stops here, before the database starts.
      PaymentProcessor processor = PaymentProcessors.named(payments);
      Database db = database.open(EmbeddedPostgres.Use.SERVE);
      CloudServices services =
          new CloudServices(
              db,
              processor,
              new PinHasher(PinHasher.DEFAULT_ITERATIONS),
              metricsToken,
              Clock.systemUTC());
      CloudApp.Tls tls =
          tlsKeystore == null
              ? null
              : new CloudApp.Tls(tlsPort, tlsKeystore, tlsPassword == null ? "" : tlsPassword);
      Javalin app;
      try {
        app = CloudApp.create(services.app(), tls).start(port);
      } catch (RuntimeException e) {
        // The port taken, say: the embedded PostgreSQL stops now, not when the watchdog sees us go.
        services.close();
        db.close();
        throw e;
      }
      CountDownLatch stopped = new CountDownLatch(1);
      Runtime.getRuntime()
          .addShutdownHook(
              new Thread(
                  () -> {
                    services.close();
                    app.stop();
                    db.close();
                    stopped.countDown();
                  },
                  "kasa-cloud shutdown"));
      spec.commandLine().getOut().println(paymentsLine(processor));
      spec.commandLine().getOut().println("kasa-cloud listening on port " + app.port());
      stopped.await();
      return 0;
    }
  }

  /** What the start-up says about cards (ADR 0031). */
  static String paymentsLine(PaymentProcessor processor) {
    if (!processor.configured()) {
      return "Card payments are off: no card processor is configured (--payments or KASA_PAYMENTS);"
          + " card tenders are refused and offline cards delivered are recorded as declined";
    }
    if ("test".equals(processor.name())) {
      return "Card payments: the built-in TEST processor (--payments test): no money moves; for"
          + " demos and tests only";
    }
    return "Card payments: " + processor.name();
  }

  @Command(
      name = "admin",
      mixinStandardHelpOptions = true,
      description = "Administer the database the service uses.",
      subcommands = {
        Admin.CreateOrg.class,
        Admin.CreateStore.class,
        Admin.ConfigureStore.class,
        Admin.CreateTerminal.class,
        Admin.ReplaceTerminal.class,
        Admin.CreateEmployee.class,
        DailyAdmin.DeactivateEmployee.class,
        DailyAdmin.SetPin.class,
        Admin.ImportCatalog.class,
        DailyAdmin.SetPrice.class,
        DailyAdmin.SetPriceLimits.class,
        StockCommands.SetStock.class,
        StockCommands.AdjustStock.class,
        StockCommands.ImportStock.class,
        PaymentsAdmin.ListDeclined.class,
        PaymentsAdmin.Settle.class,
        StoreAdmin.SetIdentity.class,
        StoreAdmin.SetRules.class,
        StoreAdmin.SetLayout.class,
        StoreAdmin.RemoveLayout.class,
        StoreAdmin.SetJournalRetention.class,
        DiscountCommands.SetDiscountLimit.class,
        ModifierCommands.SetModifierGroup.class,
        ModifierCommands.SetItemModifiers.class,
        ModifierCommands.SetKitchenStation.class,
        OfficeCommands.CreateAccount.class,
        OfficeCommands.ResetLink.class,
        OfficeCommands.ListAccounts.class,
        Admin.SeedDemo.class
      })
  static final class Admin implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** Runs one admin action with its own database connection. */
    abstract static class Action implements Callable<Integer> {
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;
      @Mixin DatabaseOptions database = new DatabaseOptions();

      @Override
      public Integer call() {
        try (Database db = database.open(EmbeddedPostgres.Use.ADMIN)) {
          // A running service hears these changes from the database (ADR 0016).
          AdminService admin =
              new AdminService(
                  db.jdbi(),
                  new PinHasher(PinHasher.DEFAULT_ITERATIONS),
                  Clock.systemUTC(),
                  topic -> {});
          spec.commandLine().getOut().println(run(admin, db));
        }
        return 0;
      }

      abstract String run(AdminService admin);

      /** The action with the database too, for those that need more than the admin service. */
      String run(AdminService admin, Database db) {
        return run(admin);
      }
    }

    @Command(
        name = "create-org",
        mixinStandardHelpOptions = true,
        description = "Create an organisation; prints its id.")
    static final class CreateOrg extends Action {
      @Option(names = "--name", required = true)
      String name;

      @Override
      String run(AdminService admin) {
        return admin.createOrganisation(name).toString();
      }
    }

    @Command(
        name = "create-store",
        mixinStandardHelpOptions = true,
        description = "Create a store; prints its id.")
    static final class CreateStore extends Action {
      @Option(names = "--org", required = true)
      UUID org;

      @Option(
          names = "--code",
          required = true,
          description = "Short code printed in receipt numbers")
      String code;

      @Option(names = "--name", required = true)
      String name;

      @Option(names = "--currency", defaultValue = "UAH")
      String currency;

      @Option(
          names = "--tax-mode",
          defaultValue = "INCLUSIVE",
          description = "INCLUSIVE (VAT) or EXCLUSIVE (sales tax)")
      String taxMode;

      @Option(
          names = "--tax-rounding",
          defaultValue = "PER_LINE",
          description = "PER_LINE or PER_RECEIPT")
      String taxRounding;

      @Option(
          names = "--cash-increment",
          defaultValue = "1",
          description = "Cash rounding step in minor units, e.g. 10 for 0.10")
      long cashIncrement;

      @Option(
          names = "--price-override-limit",
          defaultValue = "10",
          description =
              "How far, in percent, a cashier may lower a price without a manager"
                  + " (default ${DEFAULT-VALUE})")
      BigDecimal priceOverrideLimit;

      @Override
      String run(AdminService admin) {
        return admin
            .createStore(
                org, code, name, currency, taxMode, taxRounding, cashIncrement, priceOverrideLimit)
            .toString();
      }
    }

    @Command(
        name = "configure-store",
        mixinStandardHelpOptions = true,
        description =
            "Change a store's terminal-side settings; options not given stay as they are.")
    static final class ConfigureStore extends Action {
      @Option(names = "--org", required = true)
      UUID org;

      @Option(names = "--store", required = true)
      UUID store;

      @Option(names = "--locale", description = "Formats on the terminals, e.g. uk-UA or en-GB")
      String locale;

      @Option(
          names = "--public-address",
          description =
              "The store's public address (http or https base URL): receipt QR codes open"
                  + " {address}/r/{token}; \"\" removes it, and receipts print no QR code")
      String publicAddress;

      @Option(
          names = "--offline-cards",
          negatable = true,
          description = "Take cards while the service is unreachable (store-and-forward)")
      Boolean offlineCards;

      @Option(
          names = "--offline-card-sale-limit",
          defaultValue = "0",
          description = "Largest offline card payment, in minor units")
      long perSale;

      @Option(
          names = "--offline-card-total-limit",
          defaultValue = "0",
          description = "Most a terminal may hold in unsent offline card payments, in minor units")
      long total;

      @Option(
          names = "--offline-card-window",
          defaultValue = "0",
          description =
              "Minutes after the last contact with the service that cards are still taken")
      int window;

      @Option(
          names = "--drawer-left-open",
          description =
              "Seconds a cash drawer may stand open before the till alerts and audits it (10-3600)")
      Integer drawerLeftOpen;

      @Override
      String run(AdminService admin) {
        if (drawerLeftOpen != null) {
          admin.setDrawerLeftOpen(org, store, drawerLeftOpen);
        }
        admin.configureStore(
            org,
            store,
            locale,
            publicAddress,
            offlineCards == null
                ? null
                : offlineCards
                    ? new OfflineCardRules(true, perSale, total, window)
                    : OfflineCardRules.none());
        return "store " + store + " configured";
      }
    }

    @Command(
        name = "create-terminal",
        mixinStandardHelpOptions = true,
        description = "Create a terminal; prints its one-time enrollment code.")
    static final class CreateTerminal extends Action {
      @Option(names = "--org", required = true)
      UUID org;

      @Option(names = "--store", required = true)
      UUID store;

      @Option(names = "--code", required = true)
      String code;

      @Option(names = "--name", required = true)
      String name;

      @Override
      String run(AdminService admin) {
        AdminService.NewTerminal t = admin.createTerminal(org, store, code, name);
        return "terminal "
            + t.terminalId()
            + "\nenrollment code "
            + t.enrollmentCode()
            + " (valid 24 hours, once)";
      }
    }

    @Command(
        name = "replace-terminal",
        mixinStandardHelpOptions = true,
        description =
            "A new one-time enrollment code for an existing terminal, for the device replacing it"
                + " (it restores the backed-up device set-up).")
    static final class ReplaceTerminal extends Action {
      @Option(names = "--org", required = true)
      UUID org;

      @Option(names = "--store", required = true)
      UUID store;

      @Option(names = "--code", required = true)
      String code;

      @Override
      String run(AdminService admin) {
        AdminService.NewTerminal t = admin.replaceTerminal(org, store, code);
        return "terminal "
            + t.terminalId()
            + "\nenrollment code "
            + t.enrollmentCode()
            + " (valid 24 hours, once; the old device's credential stops working when it is used)";
      }
    }

    @Command(
        name = "create-employee",
        mixinStandardHelpOptions = true,
        description = "Create an employee; prints their id.")
    static final class CreateEmployee extends Action {
      @Option(names = "--org", required = true)
      UUID org;

      @Option(names = "--name", required = true)
      String name;

      @Option(names = "--role", required = true, description = "${COMPLETION-CANDIDATES}")
      Role role;

      @Option(
          names = "--pin",
          required = true,
          interactive = true,
          arity = "0..1",
          description = "4 to 12 digits; asked for when not given")
      String pin;

      @Override
      String run(AdminService admin) {
        return admin.createEmployee(org, name, role, pin).toString();
      }
    }

    @Command(
        name = "import-catalog",
        mixinStandardHelpOptions = true,
        description =
            "Import items from a UTF-8 CSV file, all or nothing; bad rows are listed with their"
                + " line numbers and nothing is written.")
    static final class ImportCatalog implements Callable<Integer> {
      @CommandLine.Spec CommandLine.Model.CommandSpec spec;
      @Mixin DatabaseOptions database = new DatabaseOptions();

      @Option(names = "--org", required = true)
      UUID org;

      @CommandLine.Parameters(
          paramLabel = "FILE.csv",
          description =
              "Header: id,sku,name,barcodes,unit,price,tax_class,category,open_price,"
                  + "age_restricted,active[,min_price,max_price] (an open-price item's limits,"
                  + " in major units; empty for none)")
      Path file;

      @Override
      public Integer call() throws IOException {
        if (!Files.isReadable(file)) {
          spec.commandLine().getErr().println("cannot read " + file.toAbsolutePath());
          return 2;
        }
        try (Database db = database.open(EmbeddedPostgres.Use.ADMIN);
            Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
          CatalogImport.Result result = new CatalogImport(db.jdbi()).importCsv(org, in);
          if (!result.errors().isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            result.errors().forEach(e -> err.println(file.getFileName() + ": " + e));
            err.println("nothing imported: " + result.errors().size() + " bad row(s)");
            return 1;
          }
          spec.commandLine().getOut().println(result.imported() + " item(s) imported");
          return 0;
        }
      }
    }

    @Command(
        name = "seed-demo",
        mixinStandardHelpOptions = true,
        description = "Create the demo organisation, store, catalogue, employees and a terminal.")
    static final class SeedDemo extends Action {
      @Override
      String run(AdminService admin) {
        DemoData.Seeded s = DemoData.seed(admin);
        DemoData.openingStock(admin, s.organisationId(), s.storeId());
        return lines(s);
      }

      @Override
      String run(AdminService admin, Database db) {
        DemoData.Seeded s = DemoData.seed(admin);
        DemoData.openingStock(admin, s.organisationId(), s.storeId());
        DemoData.OfficeOwner owner =
            DemoData.officeOwner(OfficeCommands.accounts(db), s.organisationId());
        return lines(s)
            + "\nback office owner "
            + owner.email()
            + ", password "
            + owner.password()
            + " (shown once; kept only hashed)";
      }

      private static String lines(DemoData.Seeded s) {
        return String.join(
            "\n",
            "organisation " + s.organisationId(),
            "store " + s.storeId() + " (K1)",
            "cashier " + s.cashierId() + " Олена, PIN 1111",
            "manager " + s.managerId() + " Андрій, PIN 9999",
            "terminal "
                + s.terminal().terminalId()
                + " (T1), enrollment code "
                + s.terminal().enrollmentCode());
      }
    }
  }
}
