package io.kasa.terminal.returns;

import io.kasa.domain.receipt.ReceiptNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the returns search was given, typed or scanned: a receipt number ({@code K1-T1-000042}), the
 * receipt's barcode (its number, perhaps behind an AIM symbology prefix), or the receipt's QR code
 * — its page at the store's public address, {@code {publicAddress}/r/{token}} (ADR 0041). A URL is
 * read back against the store's address: the same host and port (http or https alike), the
 * address's path then {@code /r/} and the token (its letters' case kept: a token is base64url), a
 * trailing slash, query or fragment ignored. A QR code printed before receipt tokens, with the
 * receipt number as the URL's last segment on the store's site, still reads as that number. A URL
 * of another host is refused by name.
 */
public final class ReceiptCode {

  private static final java.util.regex.Pattern TOKEN =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{22,64}");

  private ReceiptCode() {}

  /** What was read. */
  public sealed interface Read permits Number, Token, OtherSite, NotAReceipt {}

  /**
   * A receipt number to look up.
   *
   * @param receiptNumber the number, upper case
   */
  public record Number(String receiptNumber) implements Read {}

  /**
   * A receipt token to look up: the sale whose receipt's page this is.
   *
   * @param token the token, as printed
   */
  public record Token(String token) implements Read {}

  /**
   * A URL of another site than this store's receipts (or the store publishes none).
   *
   * @param host the URL's host, as scanned
   */
  public record OtherSite(String host) implements Read {}

  /** A URL of this store's site that is not a receipt's. */
  public record NotAReceipt() implements Read {}

  /**
   * Reads {@code text} against the store's public address ({@code publicAddress}; null when the
   * store has none).
   */
  public static Read read(String text, String publicAddress) {
    String given = withoutAim(trimControls(text));
    String lower = given.toLowerCase(Locale.ROOT);
    if (!lower.startsWith("http://") && !lower.startsWith("https://")) {
      return new Number(given.toUpperCase(Locale.ROOT));
    }
    URI scanned;
    try {
      scanned = new URI(given);
    } catch (URISyntaxException e) {
      return new NotAReceipt();
    }
    String host = scanned.getHost() == null ? given : scanned.getHost();
    if (publicAddress == null || publicAddress.isBlank()) {
      return new OtherSite(host);
    }
    URI address;
    try {
      address = new URI(publicAddress.strip());
    } catch (URISyntaxException e) {
      return new OtherSite(host);
    }
    if (address.getHost() == null
        || !address.getHost().equalsIgnoreCase(scanned.getHost())
        || port(address) != port(scanned)) {
      return new OtherSite(host);
    }
    String base = trimSlashes(address.getPath()).toLowerCase(Locale.ROOT);
    String path = trimSlashes(scanned.getPath());
    if (!path.toLowerCase(Locale.ROOT).startsWith(base + "/")) {
      return new NotAReceipt();
    }
    String rest = path.substring(base.length() + 1);
    if (rest.startsWith("r/") && TOKEN.matcher(rest.substring(2)).matches()) {
      return new Token(rest.substring(2));
    }
    // A receipt printed before tokens: its number was the last segment of the URL.
    String last = rest.substring(rest.lastIndexOf('/') + 1);
    try {
      return new Number(ReceiptNumber.parse(last).toString().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return new NotAReceipt();
    }
  }

  /**
   * The port a URI names, or -1 for its scheme's own: http and https count as one site, so a store
   * that moved to https still takes its older receipts back.
   */
  private static int port(URI uri) {
    int port = uri.getPort();
    boolean own =
        port < 0
            || port == 80 && "http".equalsIgnoreCase(uri.getScheme())
            || port == 443 && "https".equalsIgnoreCase(uri.getScheme());
    return own ? -1 : port;
  }

  private static String trimSlashes(String path) {
    String p = path == null ? "" : path;
    while (p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p;
  }

  /** Scanners may end a code with CR, LF, TAB or a GS1 separator: none belongs to it. */
  private static String trimControls(String text) {
    String t = text == null ? "" : text;
    int from = 0;
    int to = t.length();
    while (from < to && t.charAt(from) <= ' ') {
      from++;
    }
    while (to > from && t.charAt(to - 1) <= ' ') {
      to--;
    }
    return t.substring(from, to);
  }

  /** An AIM symbology identifier ({@code ]C0}, {@code ]Q1}) is the scanner's, not the code's. */
  private static String withoutAim(String text) {
    return text.length() > 3
            && text.charAt(0) == ']'
            && Character.isLetter(text.charAt(1))
            && Character.isLetterOrDigit(text.charAt(2))
        ? text.substring(3)
        : text;
  }
}
