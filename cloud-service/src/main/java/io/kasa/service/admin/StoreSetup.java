package io.kasa.service.admin;

import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.StoreIdentityDto;
import io.kasa.domain.tax.UkrainianTaxIds;
import io.kasa.service.db.Invalidations;
import io.kasa.service.http.ApiException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What a store prints and reads: its legal identity on receipts, and the layouts of the in-store
 * labels its scales print (ADR 0030). Both are part of the store's configuration, so every change
 * moves the store's version and reaches its tills within seconds (ADR 0028).
 */
public final class StoreSetup {

  /** The layout every store starts with: weight in grams under prefix 22, as before ADR 0030. */
  public static final BarcodeLayoutDto DEFAULT_LAYOUT =
      new BarcodeLayoutDto("22", "WEIGHT", 5, 5, 3);

  private static final int MAX_NAME = 200;
  private static final int MAX_ADDRESS = 300;
  private static final int MAX_WORDS = 500;

  private final Jdbi jdbi;
  private final Consumer<Invalidations.Topic> changed;

  StoreSetup(Jdbi jdbi, Consumer<Invalidations.Topic> changed) {
    this.jdbi = jdbi;
    this.changed = changed;
  }

  /**
   * Sets the store's identity; a null part stays as it is, an empty one is removed. A tax ID or VAT
   * number of a store selling in hryvnias must be a Ukrainian one with its check digit; anything
   * wrong is refused (422) naming the part and what is wrong with it.
   */
  public void setIdentity(UUID org, UUID store, StoreIdentityDto identity) {
    jdbi.useTransaction(
        h -> {
          String currency = currency(h, org, store);
          check(identity, currency);
          h.createUpdate(
                  "update store set legal_name = "
                      + keep("legal_name", "legalName")
                      + ", address = "
                      + keep("address", "address")
                      + ", tax_id = "
                      + keep("tax_id", "taxId")
                      + ", vat_number = "
                      + keep("vat_number", "vatNumber")
                      + ", receipt_header = "
                      + keep("receipt_header", "header")
                      + ", receipt_footer = "
                      + keep("receipt_footer", "footer")
                      + " where organisation_id = :org and id = :store")
              .bind("legalName", trimmed(identity.legalName()))
              .bind("address", trimmed(identity.address()))
              .bind("taxId", trimmed(identity.taxId()))
              .bind("vatNumber", trimmed(identity.vatNumber()))
              .bind("header", trimmed(identity.header()))
              .bind("footer", trimmed(identity.footer()))
              .bind("org", org)
              .bind("store", store)
              .execute();
        });
    changed.accept(Invalidations.Topic.CATALOG);
  }

  /**
   * A store's own rules that are set when it is created: its name, time zone, tax mode and
   * rounding, cash rounding and the price cut a cashier may make alone. A null part stays as it is;
   * a part not as documented is refused (422) naming it (ADR 0051). The tills hear of it with their
   * configuration.
   */
  public record Rules(
      String name,
      String timeZone,
      String taxMode,
      String taxRounding,
      Long cashIncrement,
      java.math.BigDecimal priceOverrideLimit) {}

  /** Sets the store's {@link Rules}; an unknown store is 404. */
  public void setRules(UUID org, UUID store, Rules asked) {
    Rules rules = StoreChecks.rules(asked);
    jdbi.useTransaction(
        h -> {
          currency(h, org, store);
          h.createUpdate(
                  "update store set name = coalesce(:name, name),"
                      + " time_zone = coalesce(:zone, time_zone),"
                      + " tax_mode = coalesce(:mode, tax_mode),"
                      + " tax_rounding = coalesce(:rounding, tax_rounding),"
                      + " cash_increment = coalesce(:increment, cash_increment),"
                      + " price_override_limit = coalesce(:limit, price_override_limit)"
                      + " where organisation_id = :org and id = :store")
              .bind("name", rules.name())
              .bind("zone", rules.timeZone())
              .bind("mode", rules.taxMode())
              .bind("rounding", rules.taxRounding())
              .bind("increment", rules.cashIncrement())
              .bind("limit", rules.priceOverrideLimit())
              .bind("org", org)
              .bind("store", store)
              .execute();
        });
    changed.accept(Invalidations.Topic.CATALOG);
  }

  /**
   * Sets the store's tip rules (ADR 0054); a null part stays as it is. Checked whole before it is
   * written ({@link StoreTips#merge}, 422 naming the part); an unknown store is 404. The tills hear
   * of it with their configuration. Returns the rules as they now stand.
   */
  public io.kasa.domain.tender.TipRules setTips(
      UUID org,
      UUID store,
      Boolean enabled,
      List<java.math.BigDecimal> presets,
      java.math.BigDecimal maxPercent) {
    io.kasa.domain.tender.TipRules set =
        jdbi.inTransaction(
            h -> {
              currency(h, org, store);
              io.kasa.domain.tender.TipRules rules =
                  StoreTips.merge(tips(h, org, store), enabled, presets, maxPercent);
              h.createUpdate(
                      "update store set tips_enabled = :enabled,"
                          + " tip_presets = cast(:presets as numeric[]),"
                          + " tip_max_percent = :max where organisation_id = :org and id = :store")
                  .bind("enabled", rules.enabled())
                  .bind(
                      "presets",
                      "{"
                          + String.join(
                              ",",
                              rules.presets().stream().map(p -> p.value().toPlainString()).toList())
                          + "}")
                  .bind("max", rules.maxPercent().value())
                  .bind("org", org)
                  .bind("store", store)
                  .execute();
              return rules;
            });
    changed.accept(Invalidations.Topic.CATALOG);
    return set;
  }

  /** The store's tip rules as they stand (an unknown store is 404). */
  public static io.kasa.domain.tender.TipRules tips(Handle h, UUID org, UUID store) {
    return h.createQuery(
            "select tips_enabled, tip_presets, tip_max_percent from store"
                + " where organisation_id = :org and id = :store")
        .bind("org", org)
        .bind("store", store)
        .map(
            (rs, ctx) ->
                StoreTips.of(
                    rs.getBoolean("tips_enabled"),
                    rs.getArray("tip_presets"),
                    rs.getBigDecimal("tip_max_percent")))
        .findOne()
        .orElseThrow(() -> ApiException.notFound("No store " + store));
  }

  /** The least and most days a store's tills keep acknowledged entries in their outbox. */
  public static final int MIN_JOURNAL_RETENTION_DAYS = 7;

  public static final int MAX_JOURNAL_RETENTION_DAYS = 3650;

  /**
   * How many days the store's tills keep acknowledged journal entries in their outbox before moving
   * them to their archive (ADR 0037): a week to ten years, else refused (422); an unknown store is
   * 404. The tills hear of it with their configuration.
   */
  public void setJournalRetention(UUID org, UUID store, int days) {
    if (days < MIN_JOURNAL_RETENTION_DAYS || days > MAX_JOURNAL_RETENTION_DAYS) {
      throw ApiException.invalid(
          "/journalRetentionDays",
          "A till keeps its journal in the outbox "
              + MIN_JOURNAL_RETENTION_DAYS
              + " to "
              + MAX_JOURNAL_RETENTION_DAYS
              + " days before archiving it, not "
              + days);
    }
    jdbi.useTransaction(
        h -> {
          currency(h, org, store);
          h.createUpdate(
                  "update store set journal_retention_days = :days"
                      + " where organisation_id = :org and id = :store")
              .bind("days", days)
              .bind("org", org)
              .bind("store", store)
              .execute();
        });
    changed.accept(Invalidations.Topic.CATALOG);
  }

  /** Adds the layout of labels starting with its prefix, or replaces the one the prefix had. */
  public void putLayout(UUID org, UUID store, BarcodeLayoutDto layout) {
    check(layout);
    jdbi.useTransaction(
        h -> {
          currency(h, org, store);
          h.createUpdate(
                  "insert into barcode_layout (organisation_id, store_id, prefix, kind,"
                      + " item_digits, value_digits, value_decimals)"
                      + " values (:org, :store, :prefix, :kind, :item, :value, :decimals)"
                      + " on conflict (organisation_id, store_id, prefix) do update set"
                      + " kind = excluded.kind, item_digits = excluded.item_digits,"
                      + " value_digits = excluded.value_digits,"
                      + " value_decimals = excluded.value_decimals")
              .bind("org", org)
              .bind("store", store)
              .bind("prefix", layout.prefix())
              .bind("kind", layout.kind().toUpperCase(Locale.ROOT))
              .bind("item", layout.itemDigits())
              .bind("value", layout.valueDigits())
              .bind("decimals", layout.valueDecimals())
              .execute();
        });
  }

  /** Removes the layout of a prefix: its labels are then looked up as ordinary barcodes. */
  public void removeLayout(UUID org, UUID store, String prefix) {
    int removed =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "delete from barcode_layout where organisation_id = :org"
                            + " and store_id = :store and prefix = :prefix")
                    .bind("org", org)
                    .bind("store", store)
                    .bind("prefix", prefix)
                    .execute());
    if (removed != 1) {
      throw ApiException.notFound("Store " + store + " has no layout for prefix " + prefix);
    }
  }

  /** A store's layouts, by prefix. */
  public static List<BarcodeLayoutDto> layouts(Handle h, UUID org, UUID store) {
    return h.createQuery(
            "select prefix, kind, item_digits, value_digits, value_decimals from barcode_layout"
                + " where organisation_id = :org and store_id = :store order by prefix")
        .bind("org", org)
        .bind("store", store)
        .map(
            (rs, ctx) ->
                new BarcodeLayoutDto(
                    rs.getString("prefix"),
                    rs.getString("kind"),
                    rs.getInt("item_digits"),
                    rs.getInt("value_digits"),
                    rs.getInt("value_decimals")))
        .list();
  }

  /** Checks a layout, naming each wrong part by its JSON pointer (422). */
  public static void check(BarcodeLayoutDto l) {
    if (l.prefix() == null || !l.prefix().matches("2[0-9]")) {
      throw ApiException.invalid(
          "/prefix", "A label prefix is two digits from 20 to 29: " + l.prefix());
    }
    if (l.kind() == null
        || !List.of("WEIGHT", "PRICE").contains(l.kind().toUpperCase(Locale.ROOT))) {
      throw ApiException.invalid("/kind", "A layout carries a WEIGHT or a PRICE: " + l.kind());
    }
    if (l.itemDigits() < 1 || l.valueDigits() < 1 || l.itemDigits() + l.valueDigits() > 10) {
      throw ApiException.invalid(
          "/itemDigits",
          "The item code and the value share the 10 digits between the prefix and the check"
              + " digit: "
              + l.itemDigits()
              + " + "
              + l.valueDigits()
              + " do not fit");
    }
    if (l.valueDecimals() < 0 || l.valueDecimals() > Math.min(3, l.valueDigits())) {
      throw ApiException.invalid(
          "/valueDecimals",
          "Decimals of the value: 0 to 3, and no more than its digits: " + l.valueDecimals());
    }
  }

  private static void check(StoreIdentityDto i, String currency) {
    length(i.legalName(), MAX_NAME, "/legalName");
    length(i.address(), MAX_ADDRESS, "/address");
    length(i.header(), MAX_WORDS, "/header");
    length(i.footer(), MAX_WORDS, "/footer");
    boolean ukrainian = "UAH".equals(currency);
    String taxId = trimmed(i.taxId());
    if (taxId != null && !taxId.isEmpty()) {
      if (ukrainian) {
        UkrainianTaxIds.taxIdProblem(taxId)
            .ifPresent(
                p -> {
                  throw ApiException.invalid("/taxId", p);
                });
      } else {
        length(taxId, 32, "/taxId");
      }
    }
    String vat = trimmed(i.vatNumber());
    if (vat != null && !vat.isEmpty()) {
      if (ukrainian) {
        UkrainianTaxIds.vatNumberProblem(vat)
            .ifPresent(
                p -> {
                  throw ApiException.invalid("/vatNumber", p);
                });
      } else {
        length(vat, 32, "/vatNumber");
      }
    }
  }

  private static void length(String value, int max, String pointer) {
    if (value != null && value.strip().codePointCount(0, value.strip().length()) > max) {
      throw ApiException.invalid(pointer, "At most " + max + " characters");
    }
  }

  /** A null keeps the column; an empty value clears it. */
  private static String keep(String column, String parameter) {
    return "case when :"
        + parameter
        + " is null then "
        + column
        + " when :"
        + parameter
        + " = '' then null else :"
        + parameter
        + " end";
  }

  private static String trimmed(String value) {
    return value == null ? null : value.strip();
  }

  private static String currency(Handle h, UUID org, UUID store) {
    return h.createQuery(
            "select currency from store where organisation_id = :org and id = :store for update")
        .bind("org", org)
        .bind("store", store)
        .mapTo(String.class)
        .findOne()
        .orElseThrow(() -> ApiException.notFound("No store " + store + " in organisation " + org))
        .trim();
  }
}
