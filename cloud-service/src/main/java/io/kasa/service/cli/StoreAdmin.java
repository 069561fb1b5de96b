package io.kasa.service.cli;

import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.StoreIdentityDto;
import io.kasa.service.admin.AdminService;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The admin commands for what a store prints and reads: its legal identity on receipts and the
 * layouts of its scale labels (ADR 0030); and how long its tills keep their journal's history in
 * the outbox before archiving it (ADR 0037). Each reaches the store's tills within seconds.
 */
final class StoreAdmin {

  private StoreAdmin() {}

  @Command(
      name = "set-store-identity",
      mixinStandardHelpOptions = true,
      description =
          "Set what every receipt of a store says of who sells: legal name, address, tax IDs,"
              + " header and footer. Options not given stay as they are; \"\" removes one.")
  static final class SetIdentity extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Option(names = "--legal-name", description = "The registered name, e.g. ТОВ «Колосок»")
    String legalName;

    @Option(names = "--address", description = "The store's address, as one line")
    String address;

    @Option(
        names = "--tax-id",
        description = "ЄДРПОУ (8 digits) or ІПН (10 digits), checked by its check digit")
    String taxId;

    @Option(names = "--vat-number", description = "VAT payer number (ІПН платника ПДВ, 12 digits)")
    String vatNumber;

    @Option(
        names = "--header",
        description = "Words under the identity; \\n starts a new line (at most 500 characters)")
    String header;

    @Option(
        names = "--footer",
        description = "Words at the end of the receipt; \\n starts a new line")
    String footer;

    @Override
    String run(AdminService admin) {
      admin
          .stores()
          .setIdentity(
              org,
              store,
              new StoreIdentityDto(
                  legalName, address, taxId, vatNumber, lines(header), lines(footer)));
      return "store " + store + " identity set";
    }

    private static String lines(String text) {
      return text == null ? null : text.replace("\\n", "\n");
    }
  }

  @Command(
      name = "set-store-rules",
      mixinStandardHelpOptions = true,
      description =
          "Change a store's name, time zone, tax mode and rounding, cash rounding, the price cut"
              + " a cashier may make alone or its tip rules, as the back office's Stores screen does"
              + " (ADR 0051, 0054). Options not given stay as they are.")
  static final class SetRules extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Option(names = "--name", description = "The store's name")
    String name;

    @Option(names = "--time-zone", description = "An IANA zone id, e.g. Europe/Kyiv")
    String timeZone;

    @Option(names = "--tax-mode", description = "INCLUSIVE or EXCLUSIVE")
    String taxMode;

    @Option(names = "--tax-rounding", description = "PER_RECEIPT or PER_LINE")
    String taxRounding;

    @Option(
        names = "--cash-increment",
        description = "Minor units a cash total is rounded to, e.g. 10")
    Long cashIncrement;

    @Option(
        names = "--price-override-limit",
        description = "Percent a cashier may lower a price by without a manager, 0 to 100")
    java.math.BigDecimal priceOverrideLimit;

    @Option(
        names = "--tips",
        arity = "1",
        description = "true to offer a tip when a card pays and take cash tips, false for none")
    Boolean tips;

    @Option(
        names = "--tip-presets",
        split = ",",
        description = "One to four percentages the register offers as tips, e.g. 5,10,15")
    java.util.List<java.math.BigDecimal> tipPresets;

    @Option(
        names = "--tip-max",
        description = "The largest tip, percent of what the tender pays (above 0, at most 1000)")
    java.math.BigDecimal tipMax;

    @Override
    String run(AdminService admin) {
      String said = "";
      if (tips != null || tipPresets != null || tipMax != null) {
        // Checked whole first: a refused tip rule leaves the store's other rules unchanged too.
        io.kasa.domain.tender.TipRules set =
            admin.stores().setTips(org, store, tips, tipPresets, tipMax);
        said =
            "; tips "
                + (set.enabled() ? "on" : "off")
                + ", presets "
                + set.presets()
                + ", at most "
                + set.maxPercent();
      }
      admin
          .stores()
          .setRules(
              org,
              store,
              new io.kasa.service.admin.StoreSetup.Rules(
                  name, timeZone, taxMode, taxRounding, cashIncrement, priceOverrideLimit));
      return "store " + store + " rules set" + said;
    }
  }

  @Command(
      name = "set-barcode-layout",
      mixinStandardHelpOptions = true,
      description =
          "Say how a store's in-store labels with a prefix from 20 to 29 carry an item code and a"
              + " weight or a price: 2P, the item code, the value ending before the check digit.")
  static final class SetLayout extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Option(names = "--prefix", required = true, description = "Two digits, 20 to 29")
    String prefix;

    @Option(
        names = "--kind",
        required = true,
        description = "WEIGHT (kilograms) or PRICE (the label's price)")
    String kind;

    @Option(names = "--item-digits", defaultValue = "5", description = "Digits of the item code")
    int itemDigits;

    @Option(names = "--value-digits", defaultValue = "5", description = "Digits of the value")
    int valueDigits;

    @Option(
        names = "--decimals",
        description = "Implied decimals of the value (default 3 for a weight, 2 for a price)")
    Integer decimals;

    @Override
    String run(AdminService admin) {
      int d = decimals != null ? decimals : "PRICE".equalsIgnoreCase(kind) ? 2 : 3;
      admin
          .stores()
          .putLayout(org, store, new BarcodeLayoutDto(prefix, kind, itemDigits, valueDigits, d));
      return "store " + store + " reads labels " + prefix + " as " + kind;
    }
  }

  @Command(
      name = "remove-barcode-layout",
      mixinStandardHelpOptions = true,
      description = "Stop reading a prefix's labels as in-store labels: plain barcodes again.")
  static final class RemoveLayout extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Option(names = "--prefix", required = true)
    String prefix;

    @Override
    String run(AdminService admin) {
      admin.stores().removeLayout(org, store, prefix);
      return "store " + store + " no longer reads labels " + prefix;
    }
  }

  @Command(
      name = "set-journal-retention",
      mixinStandardHelpOptions = true,
      description =
          "Say how many days a store's tills keep acknowledged sales and other journal entries in"
              + " their outbox before moving them to their archive, where reprints and returns"
              + " still find them (7 to 3650; 90 until set).")
  static final class SetJournalRetention extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--store", required = true)
    UUID store;

    @Option(names = "--days", required = true, description = "Days, 7 to 3650")
    int days;

    @Override
    String run(AdminService admin) {
      admin.stores().setJournalRetention(org, store, days);
      return "store " + store + " tills archive their journal after " + days + " days";
    }
  }
}
