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
 * @param publicAddress the store's public address (an http or https base URL, as {@code
 *     https://receipts.example.com}) where its customers open their receipts at {@code /r/{token}},
 *     or {@code null}; when set, each receipt carries its page's URL as a QR code
 */
public record StoreProfile(
    String name,
    List<String> headerLines,
    String taxId,
    Locale locale,
    ZoneId zone,
    List<String> footerLines,
    String publicAddress) {

  public StoreProfile {
    Objects.requireNonNull(name, "name");
    headerLines = List.copyOf(headerLines);
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(zone, "zone");
    footerLines = List.copyOf(footerLines);
    if (publicAddress != null
        && !publicAddress.startsWith("https://")
        && !publicAddress.startsWith("http://")) {
      throw new IllegalArgumentException(
          "The public address must be an http or https URL: " + publicAddress);
    }
  }

  /**
   * A store whose receipts carry its legal identity: the trading name first, then the identity's
   * lines in the receipt's language, and the identity's footer before the closing words.
   */
  public static StoreProfile of(
      String name, StoreIdentity identity, Locale locale, ZoneId zone, String publicAddress) {
    return new StoreProfile(
        name,
        identity.headerLines(locale),
        null,
        locale,
        zone,
        identity.footerLines(),
        publicAddress);
  }

  /**
   * The page of the receipt whose token is {@code token} ({@code {publicAddress}/r/{token}}), or
   * null when the store has no public address or the receipt no token (one made before tokens).
   */
  public String receiptUrl(String token) {
    if (publicAddress == null || publicAddress.isEmpty() || token == null) {
      return null;
    }
    String base =
        publicAddress.endsWith("/")
            ? publicAddress.substring(0, publicAddress.length() - 1)
            : publicAddress;
    return base + "/r/" + token;
  }
}
