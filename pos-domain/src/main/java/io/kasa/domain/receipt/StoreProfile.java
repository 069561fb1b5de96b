package io.kasa.domain.receipt;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * What a store prints on its receipts.
 *
 * @param name the trading name, printed first
 * @param headerLines address and other lines under the name
 * @param taxId the tax identification number, or {@code null}
 * @param locale language and number format of the receipt
 * @param zone the store's time zone
 * @param footerLines lines at the end (thanks, return policy)
 * @param receiptUrlTemplate a URL with {@code {number}} where the receipt can be seen online, or
 *     {@code null}; when set, the receipt carries it as a QR code
 */
public record StoreProfile(
    String name,
    List<String> headerLines,
    String taxId,
    Locale locale,
    ZoneId zone,
    List<String> footerLines,
    String receiptUrlTemplate) {

  public StoreProfile {
    Objects.requireNonNull(name, "name");
    headerLines = List.copyOf(headerLines);
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(zone, "zone");
    footerLines = List.copyOf(footerLines);
    if (receiptUrlTemplate != null && !receiptUrlTemplate.contains("{number}")) {
      throw new IllegalArgumentException(
          "The receipt URL template needs a {number} placeholder: " + receiptUrlTemplate);
    }
  }

  /**
   * A store whose receipts carry its legal identity: the trading name first, then the identity's
   * lines in the receipt's language, and the identity's footer before the closing words.
   */
  public static StoreProfile of(
      String name, StoreIdentity identity, Locale locale, ZoneId zone, String receiptUrlTemplate) {
    return new StoreProfile(
        name,
        identity.headerLines(locale),
        null,
        locale,
        zone,
        identity.footerLines(),
        receiptUrlTemplate);
  }

  /** The receipt's URL, if the store publishes receipts online. */
  public String receiptUrl(ReceiptNumber number) {
    return receiptUrlTemplate == null
        ? null
        : receiptUrlTemplate.replace("{number}", number.toString());
  }
}
