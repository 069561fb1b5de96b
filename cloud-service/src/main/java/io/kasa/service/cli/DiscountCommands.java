package io.kasa.service.cli;

import io.kasa.service.db.Database;
import io.kasa.service.db.embedded.EmbeddedPostgres;
import io.kasa.service.discounts.DiscountLimitStore;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The admin command for a store's discount limits (ADR 0033). */
final class DiscountCommands {

  private DiscountCommands() {}

  @Command(
      name = "set-discount-limit",
      mixinStandardHelpOptions = true,
      description =
          "Set how far, in percent of the line or the sale, a role may discount alone in a store;"
              + " beyond it the register asks for a manager's PIN. The tills hear it within"
              + " seconds.")
  static final class SetDiscountLimit implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin KasaCloud.DatabaseOptions database = new KasaCloud.DatabaseOptions();

    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Option(
        names = "--role",
        required = true,
        description = "CASHIER, MANAGER, HOST, TECHNICIAN or ADMIN")
    String role;

    @Option(
        names = "--percent",
        required = true,
        description = "From 0 to 100, at most two decimals, e.g. 10 or 12.5")
    BigDecimal percent;

    @Override
    public Integer call() {
      try (Database db = database.open(EmbeddedPostgres.Use.ADMIN)) {
        DiscountLimitStore.set(db.jdbi(), org, store, role, percent);
      }
      spec.commandLine()
          .getOut()
          .println(
              role + " may discount up to " + percent.stripTrailingZeros().toPlainString() + " %");
      return 0;
    }
  }
}
