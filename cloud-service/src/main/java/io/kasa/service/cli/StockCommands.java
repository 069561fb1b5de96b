package io.kasa.service.cli;

import io.kasa.service.db.Database;
import io.kasa.service.db.embedded.EmbeddedPostgres;
import io.kasa.service.stock.StockAdmin;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The admin commands for a store's stock: a count, an adjustment with its reason, a file of counts
 * (ADR 0032). Each is audited as made by an admin command.
 */
final class StockCommands {

  private StockCommands() {}

  /** Runs one stock command with its own database connection. */
  abstract static class StockAction implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin KasaCloud.DatabaseOptions database = new KasaCloud.DatabaseOptions();

    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Override
    public Integer call() throws IOException {
      try (Database db = database.open(EmbeddedPostgres.Use.ADMIN)) {
        return run(new StockAdmin(db.jdbi()), spec.commandLine().getOut());
      }
    }

    abstract int run(StockAdmin stock, PrintWriter out) throws IOException;
  }

  @Command(
      name = "set-stock",
      mixinStandardHelpOptions = true,
      description =
          "Record a count: the store holds this quantity of the item; the difference to what the"
              + " ledger held is appended as a COUNT.")
  static final class SetStock extends StockAction {
    @Option(names = "--item", required = true, description = "The item's id, SKU or barcode")
    String item;

    @Option(
        names = "--quantity",
        required = true,
        description =
            "The quantity on the shelf, up to three decimals (kilograms of weighed goods)")
    String quantity;

    @Option(names = "--note", description = "Up to 200 characters, kept with the count")
    String note;

    @Override
    int run(StockAdmin stock, PrintWriter out) {
      out.println(stock.count(org, store, item, quantity, note).describe());
      return 0;
    }
  }

  @Command(
      name = "adjust-stock",
      mixinStandardHelpOptions = true,
      description = "Change the store's stock of an item by a signed quantity, for a reason.")
  static final class AdjustStock extends StockAction {
    @Option(names = "--item", required = true, description = "The item's id, SKU or barcode")
    String item;

    @Option(
        names = "--change",
        required = true,
        description = "Signed: -2 for two broken, 24 for a delivery of 24")
    String change;

    @Option(
        names = "--reason",
        required = true,
        description = "DAMAGE or THEFT (negative), RECEIVED (positive), CORRECTION")
    String reason;

    @Option(names = "--note", description = "Up to 200 characters, kept with the adjustment")
    String note;

    @Override
    int run(StockAdmin stock, PrintWriter out) {
      out.println(stock.adjust(org, store, item, reason, change, note).describe());
      return 0;
    }
  }

  @Command(
      name = "import-stock",
      mixinStandardHelpOptions = true,
      description =
          "Count a store's stock from a UTF-8 CSV file, all or nothing; bad rows are listed with"
              + " their line numbers and nothing is written.")
  static final class ImportStock extends StockAction {
    @CommandLine.Parameters(
        paramLabel = "FILE.csv",
        description = "Header: item,quantity (item by id, SKU or barcode; quantity on the shelf)")
    Path file;

    @Override
    int run(StockAdmin stock, PrintWriter out) throws IOException {
      PrintWriter err = spec.commandLine().getErr();
      if (!Files.isReadable(file)) {
        err.println("cannot read " + file.toAbsolutePath());
        return 2;
      }
      StockAdmin.Imported result;
      try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        result = stock.importCsv(org, store, in, file.getFileName().toString());
      }
      if (!result.errors().isEmpty()) {
        result.errors().forEach(e -> err.println(file.getFileName() + ": " + e));
        err.println("nothing imported: " + result.errors().size() + " bad row(s)");
        return 1;
      }
      out.println(result.counted() + " item(s) counted");
      return 0;
    }
  }
}
