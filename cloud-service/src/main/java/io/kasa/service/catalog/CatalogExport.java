package io.kasa.service.catalog;

import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.ModifierGroupDto;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * Writes an organisation's catalogue as CSV in the columns {@link CatalogImport} reads (all of
 * them, modifier groups included), so an export imports back unchanged. Streamed: items are read a
 * batch at a time in id order from one snapshot of the database (repeatable read), so a million
 * items never sit in memory and a change made meanwhile is either wholly in the file or not at all.
 */
public final class CatalogExport {

  private static final int BATCH = 1_000;

  private final Jdbi jdbi;

  public CatalogExport(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  public void write(UUID org, Writer out) throws IOException {
    jdbi.useTransaction(
        TransactionIsolationLevel.REPEATABLE_READ,
        h -> {
          h.execute("set transaction read only");
          Currency currency = CatalogOffice.currency(h, org);
          out.write(String.join(",", CatalogImport.HEADER_WITH_MODIFIERS));
          out.write("\r\n");
          String after = "";
          while (true) {
            List<String> ids =
                h.createQuery(
                        "select id from item where organisation_id = :org and id > :after"
                            + " order by id limit :n")
                    .bind("org", org)
                    .bind("after", after)
                    .bind("n", BATCH)
                    .mapTo(String.class)
                    .list();
            if (ids.isEmpty()) {
              break;
            }
            for (ItemDto item : CatalogService.loadItems(h, org, new LinkedHashSet<>(ids))) {
              out.write(line(item, currency));
            }
            after = ids.get(ids.size() - 1);
          }
          out.flush();
        });
  }

  /** One item's row. */
  static String line(ItemDto i, Currency currency) {
    List<String> fields =
        List.of(
            i.id(),
            i.sku(),
            i.name(),
            String.join(";", i.barcodes()),
            i.unit(),
            major(i.price(), currency),
            i.taxClass(),
            i.category() == null ? "" : i.category(),
            Boolean.toString(i.openPrice()),
            Boolean.toString(i.ageRestricted()),
            Boolean.toString(i.active()),
            i.minPrice() == null ? "" : major(i.minPrice(), currency),
            i.maxPrice() == null ? "" : major(i.maxPrice(), currency),
            i.modifierGroups().stream().map(ModifierGroupDto::id).collect(Collectors.joining(";")));
    return fields.stream().map(CatalogExport::field).collect(Collectors.joining(",")) + "\r\n";
  }

  /** An amount in major units with a dot, as the import reads it. */
  public static String major(long minor, Currency currency) {
    return BigDecimal.valueOf(minor, currency.getDefaultFractionDigits()).toPlainString();
  }

  /** A field quoted when it holds a comma, a quote, a line break or space at either end. */
  private static String field(String value) {
    boolean quote =
        value.contains(",")
            || value.contains("\"")
            || value.contains("\n")
            || value.contains("\r")
            || (!value.isEmpty() && value.strip().length() != value.length());
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
