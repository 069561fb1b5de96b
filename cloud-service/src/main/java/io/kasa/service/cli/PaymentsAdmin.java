package io.kasa.service.cli;

import io.kasa.api.sales.DeclinedOfflineCards;
import io.kasa.service.db.Database;
import io.kasa.service.db.embedded.EmbeddedPostgres;
import io.kasa.service.sales.DeclinedCards;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The admin commands about card payments: the offline cards the processor declined on delivery, and
 * recording one's money collected another way (ADR 0031).
 */
final class PaymentsAdmin {

  private PaymentsAdmin() {}

  @Command(
      name = "list-declined-cards",
      mixinStandardHelpOptions = true,
      description =
          "The store's offline cards the processor declined when their sale was delivered, not yet"
              + " settled: sale, amount, time, cashier, reason and what to do.")
  static final class ListDeclined implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin KasaCloud.DatabaseOptions database = new KasaCloud.DatabaseOptions();

    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Override
    public Integer call() {
      PrintWriter out = spec.commandLine().getOut();
      try (Database db = database.open(EmbeddedPostgres.Use.ADMIN)) {
        DeclinedOfflineCards declined =
            new DeclinedCards(db.jdbi(), Clock.systemUTC()).of(org, store);
        if (declined.cards().isEmpty()) {
          out.println("no declined offline cards to settle");
        }
        for (DeclinedOfflineCards.Card c : declined.cards()) {
          out.printf(
              "%s  receipt %s  %s %s  paid %s  by %s  declined: %s%n    tender %s: %s%n",
              c.saleId(),
              c.receiptNumber(),
              java.math.BigDecimal.valueOf(c.amount(), 2).toPlainString(),
              c.currency(),
              c.paidAt(),
              c.employeeName(),
              c.reason(),
              c.tenderId(),
              c.whatToDo());
        }
      }
      return 0;
    }
  }

  @Command(
      name = "settle-declined-card",
      mixinStandardHelpOptions = true,
      description =
          "Record a declined offline card's money collected another way (or written off); it"
              + " leaves the list.")
  static final class Settle implements Callable<Integer> {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;
    @Mixin KasaCloud.DatabaseOptions database = new KasaCloud.DatabaseOptions();

    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--tender", required = true, description = "The declined card's tender id")
    UUID tender;

    @Option(names = "--by", required = true, description = "Who settled it")
    String by;

    @Option(
        names = "--note",
        required = true,
        description = "How, e.g. \"paid in cash on 3 May\" or \"written off\"")
    String note;

    @Override
    public Integer call() {
      try (Database db = database.open(EmbeddedPostgres.Use.ADMIN)) {
        if (!new DeclinedCards(db.jdbi(), Clock.systemUTC()).settle(org, tender, by, note)) {
          spec.commandLine()
              .getErr()
              .println("kasa-cloud: no unsettled declined card has tender id " + tender);
          return 1;
        }
      }
      spec.commandLine().getOut().println("tender " + tender + " settled: " + note);
      return 0;
    }
  }
}
