package io.kasa.domain.receipt;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Who sells, as the law wants it on every receipt, and the store's own words above and below it.
 * Any part may be absent (null or blank): a store that has set nothing prints only its name.
 *
 * @param legalName the registered name (e.g. ТОВ «Колосок»), which may differ from the trading name
 * @param address where the store is
 * @param taxId the taxpayer's code: a company's ЄДРПОУ (8 digits) or a sole trader's ІПН (10)
 * @param vatNumber the VAT payer number (ІПН платника ПДВ, 12 digits) when registered for VAT
 * @param header the store's own words under its identity; a line break starts a new line
 * @param footer the store's own words at the end, before the closing words
 */
public record StoreIdentity(
    String legalName,
    String address,
    String taxId,
    String vatNumber,
    String header,
    String footer) {

  /** A store that has set nothing. */
  public static final StoreIdentity NONE = new StoreIdentity(null, null, null, null, null, null);

  /**
   * The lines under the trading name, in the receipt's language: legal name, address, tax
   * identifiers with their labels, then the header. The layout wraps each to the paper's width.
   */
  public List<String> headerLines(Locale locale) {
    ResourceBundle text = ResourceBundle.getBundle(ReceiptTextLayout.BUNDLE, locale);
    List<String> lines = new ArrayList<>();
    addIfSet(lines, legalName);
    addIfSet(lines, address);
    if (set(taxId)) {
      String label = taxId.strip().length() == 8 ? "taxId.edrpou" : "taxId";
      lines.add(text.getString(label) + " " + taxId.strip());
    }
    if (set(vatNumber)) {
      lines.add(text.getString("vatNumber") + " " + vatNumber.strip());
    }
    lines.addAll(split(header));
    return lines;
  }

  /** The footer's lines. */
  public List<String> footerLines() {
    return split(footer);
  }

  private static List<String> split(String text) {
    if (!set(text)) {
      return List.of();
    }
    return Arrays.stream(text.strip().split("\\R")).map(String::strip).toList();
  }

  private static void addIfSet(List<String> lines, String value) {
    if (set(value)) {
      lines.add(value.strip());
    }
  }

  private static boolean set(String value) {
    return value != null && !value.isBlank();
  }
}
