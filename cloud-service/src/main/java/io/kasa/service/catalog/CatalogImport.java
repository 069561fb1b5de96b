package io.kasa.service.catalog;

import io.kasa.api.catalog.ItemDto;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Currency;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.jdbi.v3.core.Jdbi;

/**
 * Imports a catalogue from CSV, streaming, in one transaction: all or nothing. A file with bad rows
 * imports nothing and reports every bad row with its line number (the first 1,000).
 *
 * <p>Header (in this order): {@code id,sku,name,barcodes,unit,price,tax_class,category,open_price,
 * age_restricted,active}, optionally followed by {@code min_price,max_price}. Barcodes are
 * separated by {@code ;}; unit is EACH, KILOGRAM or LITRE; prices in major units with a dot ({@code
 * 42.50}); booleans are true/false (empty = false, active empty = true). {@code min_price} and
 * {@code max_price} are the lowest and highest price an open-price item may be sold at (empty = no
 * limit on that side); a fixed-price item has none. A last column {@code modifier_groups} (after
 * the limits) lists the modifier groups each item offers, by id, separated by {@code ;}, in the
 * order the register asks them (ADR 0043); the groups must exist ({@code admin
 * set-modifier-group}); empty is none.
 */
public final class CatalogImport {

  static final List<String> HEADER =
      List.of(
          "id",
          "sku",
          "name",
          "barcodes",
          "unit",
          "price",
          "tax_class",
          "category",
          "open_price",
          "age_restricted",
          "active");

  /** The header with an open-price item's limits after the other columns. */
  static final List<String> HEADER_WITH_LIMITS =
      Stream.concat(HEADER.stream(), Stream.of("min_price", "max_price")).toList();

  /** The header with the modifier groups each item offers after the limits (ADR 0043). */
  public static final List<String> HEADER_WITH_MODIFIERS =
      Stream.concat(HEADER_WITH_LIMITS.stream(), Stream.of("modifier_groups")).toList();

  /**
   * The outcome.
   *
   * @param imported rows written (0 when there were errors)
   * @param errors bad rows, each starting with its line number
   */
  public record Result(int imported, List<String> errors, List<RowError> rows) {}

  /**
   * A bad row: its line and why, as a code and values (worded by the back office in each language)
   * and as an English sentence.
   */
  public record RowError(int line, String code, List<String> args, String message) {}

  private final Jdbi jdbi;

  public CatalogImport(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public Result importCsv(UUID org, Reader source) throws IOException {
    return importCsv(org, source, (h, n) -> {});
  }

  /**
   * As {@link #importCsv(UUID, Reader)}, running {@code applied} with the number of items in the
   * import's transaction when it is applied (the back office audits it there).
   */
  public Result importCsv(
      UUID org, Reader source, java.util.function.ObjIntConsumer<org.jdbi.v3.core.Handle> applied)
      throws IOException {
    Currency currency =
        Currency.getInstance(
            jdbi.withHandle(
                    h ->
                        h.createQuery(
                                "select currency from store where organisation_id = :org limit 1")
                            .bind("org", org)
                            .mapTo(String.class)
                            .findOne()
                            .orElse("UAH"))
                .trim());
    Set<String> taxClasses =
        new HashSet<>(
            jdbi.withHandle(
                h ->
                    h.createQuery("select code from tax_class where organisation_id = :org")
                        .bind("org", org)
                        .mapTo(String.class)
                        .list()));
    List<String> errors = new ArrayList<>();
    List<RowError> rows = new ArrayList<>();
    int[] imported = {0};
    try {
      jdbi.useTransaction(
          h -> {
            BufferedReader in = new BufferedReader(source, 1 << 16);
            // A spreadsheet's byte order mark is not part of the header.
            in.mark(1);
            if (in.read() != '\uFEFF') {
              in.reset();
            }
            Csv csv = new Csv(in);
            Csv.Row header = csv.next();
            List<String> columns =
                header == null
                    ? List.of()
                    : header.fields().stream().map(f -> f.trim().toLowerCase(Locale.ROOT)).toList();
            if (!columns.equals(HEADER)
                && !columns.equals(HEADER_WITH_LIMITS)
                && !columns.equals(HEADER_WITH_MODIFIERS)) {
              String message =
                  "the header must be "
                      + String.join(",", HEADER)
                      + " (then min_price,max_price for open-price limits, then modifier_groups)";
              errors.add("line 1: " + message);
              rows.add(new RowError(1, "header", List.of(), message));
              throw new Rollback();
            }
            CatalogWriter writer = new CatalogWriter(h, org);
            boolean withGroups = columns.size() == HEADER_WITH_MODIFIERS.size();
            Set<String> knownGroups =
                withGroups ? ModifierStore.groupIds(h, org) : Set.<String>of();
            Map<String, List<String>> groups = new LinkedHashMap<>();
            Set<String> seen = new HashSet<>();
            Csv.Row row;
            while ((row = next(csv, errors, rows)) != null) {
              if (row.fields().size() == 1 && row.fields().get(0).isBlank()) {
                continue;
              }
              try {
                ItemDto item = parse(row, columns.size(), currency, taxClasses);
                if (!seen.add(item.id())) {
                  throw new CatalogProblem(
                      "id", "twice", "item " + item.id() + " appears twice", item.id());
                }
                if (withGroups) {
                  groups.put(item.id(), groups(row.fields().get(13), knownGroups));
                }
                if (errors.isEmpty()) {
                  writer.putItem(item);
                }
                imported[0]++;
              } catch (CatalogProblem e) {
                if (errors.size() < 1_000) {
                  errors.add("line " + row.line() + ": " + e.getMessage());
                  rows.add(new RowError(row.line(), e.code(), e.args(), e.getMessage()));
                }
              }
            }
            if (!errors.isEmpty()) {
              throw new Rollback();
            }
            writer.flush();
            ModifierStore.linkAll(h, org, groups);
            applied.accept(h, imported[0]);
          });
    } catch (Rollback rollback) {
      return new Result(0, errors, rows);
    }
    return new Result(imported[0], errors, rows);
  }

  /** The next row, or null at the end; a quoted field never closed is a bad row that ends it. */
  private static Csv.Row next(Csv csv, List<String> errors, List<RowError> rows)
      throws IOException {
    try {
      return csv.next();
    } catch (Csv.Unclosed e) {
      String message = "a quoted field is not closed";
      errors.add("line " + e.line() + ": " + message);
      rows.add(new RowError(e.line(), "unclosed", List.of(), message));
      return null;
    }
  }

  /** The group ids of a row's modifier_groups, each known and none twice. */
  private static List<String> groups(String field, Set<String> known) {
    List<String> ids =
        Arrays.stream(field.split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    for (String id : ids) {
      if (!known.contains(id)) {
        throw new CatalogProblem(
            "modifier_groups",
            "group",
            "modifier group '" + id + "' does not exist (admin set-modifier-group creates it)",
            id);
      }
    }
    if (new HashSet<>(ids).size() < ids.size() || ids.size() > ModifierStore.MAX_GROUPS_PER_ITEM) {
      throw new CatalogProblem(
          "modifier_groups",
          "groups",
          "modifier_groups lists up to " + ModifierStore.MAX_GROUPS_PER_ITEM + " different groups",
          Integer.toString(ModifierStore.MAX_GROUPS_PER_ITEM));
    }
    return ids;
  }

  private static ItemDto parse(
      Csv.Row row, int columns, Currency currency, Set<String> taxClasses) {
    List<String> f = row.fields();
    if (f.size() != columns) {
      throw new CatalogProblem(
          "fields",
          "fields",
          "expected " + columns + " fields, found " + f.size(),
          Integer.toString(columns),
          Integer.toString(f.size()));
    }
    String id = required(f.get(0), "id");
    if (id.length() > 64) {
      throw new CatalogProblem(
          "id", "tooLong", "id is longer than 64 characters", "id", Integer.toString(64));
    }
    String unit = unit(f.get(4));
    long price = amount(f.get(5), "price", currency);
    String tax = taxClass(f.get(6), taxClasses);
    List<String> barcodes =
        Arrays.stream(f.get(3).split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    boolean openPrice = bool(f.get(8), false, "open_price");
    Long min = columns > 11 ? limit(f.get(11), "min_price", currency) : null;
    Long max = columns > 11 ? limit(f.get(12), "max_price", currency) : null;
    if ((min != null || max != null) && !openPrice) {
      throw new CatalogProblem(
          "min_price",
          "limitsFixed",
          "min_price and max_price are for open-price items (open_price true) only");
    }
    if (min != null && max != null && min > max) {
      throw new CatalogProblem(
          "min_price",
          "limitsOrder",
          "min_price '" + f.get(11).trim() + "' is above max_price '" + f.get(12).trim() + "'",
          f.get(11).trim(),
          f.get(12).trim());
    }
    return new ItemDto(
        id,
        required(f.get(1), "sku"),
        required(f.get(2), "name"),
        barcodes,
        unit,
        price,
        tax,
        f.get(7).isBlank() ? null : f.get(7).trim(),
        openPrice,
        bool(f.get(9), false, "age_restricted"),
        bool(f.get(10), true, "active"),
        min,
        max);
  }

  /** A unit: EACH, KILOGRAM or LITRE (any case). */
  static String unit(String value) {
    String unit = value.trim().toUpperCase(Locale.ROOT);
    if (!Set.of("EACH", "KILOGRAM", "LITRE").contains(unit)) {
      throw new CatalogProblem(
          "unit", "unit", "unit '" + value + "' is not EACH, KILOGRAM or LITRE", value);
    }
    return unit;
  }

  /** A tax class code among {@code known}. */
  static String taxClass(String value, Set<String> known) {
    String tax = required(value, "tax_class");
    if (!known.contains(tax)) {
      throw new CatalogProblem(
          "tax_class", "taxClass", "tax class '" + tax + "' does not exist", tax);
    }
    return tax;
  }

  /** An amount in major units with a dot, from 0 to 100 million. */
  public static long amount(String value, String field, Currency currency) {
    try {
      long minor =
          new BigDecimal(value.trim())
              .setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY)
              .unscaledValue()
              .longValueExact();
      if (minor < 0 || minor > 10_000_000_000L) {
        throw new ArithmeticException();
      }
      return minor;
    } catch (NumberFormatException | ArithmeticException e) {
      throw new CatalogProblem(
          field,
          "amount",
          field + " '" + value + "' is not an amount in " + currency.getCurrencyCode(),
          field,
          value,
          currency.getCurrencyCode());
    }
  }

  /** An open-price limit: empty for none, else an amount above zero. */
  private static Long limit(String value, String field, Currency currency) {
    if (value.isBlank()) {
      return null;
    }
    long minor = amount(value, field, currency);
    if (minor == 0) {
      throw new CatalogProblem(
          field, "aboveZero", field + " '" + value + "' must be above zero", field, value);
    }
    return minor;
  }

  static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new CatalogProblem(field, "empty", field + " is empty", field);
    }
    return value.trim();
  }

  private static boolean bool(String value, boolean empty, String field) {
    String v = value.trim().toLowerCase(Locale.ROOT);
    if (v.isEmpty()) {
      return empty;
    }
    if (v.equals("true") || v.equals("false")) {
      return Boolean.parseBoolean(v);
    }
    throw new CatalogProblem(
        field, "bool", field + " '" + value + "' is not true or false", field, value);
  }

  /** Rolls the import back without being an error of the service. */
  private static final class Rollback extends RuntimeException {
    Rollback() {
      super(null, null, false, false);
    }
  }
}
