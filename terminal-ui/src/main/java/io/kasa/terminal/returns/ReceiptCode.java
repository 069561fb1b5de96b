package io.kasa.terminal.returns;

import io.kasa.domain.receipt.ReceiptNumber;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * What the returns search was given, typed or scanned: a receipt number ({@code K1-T1-000042}), the
 * receipt's barcode (its number, perhaps behind an AIM symbology prefix), or the receipt's QR code
 * — the store's receipt URL with the number in it. A URL is read back against the store's own
 * template: the same host and port (http or https alike), the template's path around the number,
 * letters in any case, escapes decoded, a trailing slash, query or fragment the template does not
 * have ignored. A URL of another host is refused by name.
 */
public final class ReceiptCode {

  /** Stands for the number in the template while it is parsed as a URI. */
  private static final String MARK = "kasa0receipt0number";

  private ReceiptCode() {}

  /** What was read. */
  public sealed interface Read permits Number, OtherSite, NotAReceipt {}

  /**
   * A receipt number to look up.
   *
   * @param receiptNumber the number, upper case
   */
  public record Number(String receiptNumber) implements Read {}

  /**
   * A URL of another site than this store's receipts (or the store publishes none).
   *
   * @param host the URL's host, as scanned
   */
  public record OtherSite(String host) implements Read {}

  /** A URL of this store's site that is not a receipt's. */
  public record NotAReceipt() implements Read {}

  /**
   * Reads {@code text} against the store's receipt URL template ({@code {number}} where the number
   * goes; null when the store has none).
   */
  public static Read read(String text, String urlTemplate) {
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
    if (urlTemplate == null || urlTemplate.isBlank()) {
      return new OtherSite(host);
    }
    URI template;
    try {
      template = new URI(urlTemplate.strip().replace("{number}", MARK));
    } catch (URISyntaxException e) {
      return new OtherSite(host);
    }
    if (template.getHost() == null
        || !template.getHost().equalsIgnoreCase(scanned.getHost())
        || port(template) != port(scanned)) {
      return new OtherSite(host);
    }
    boolean inQuery = template.getQuery() != null && template.getQuery().contains(MARK);
    String shape = inQuery ? template.getQuery() : trimSlashes(template.getPath());
    String actual = inQuery ? scanned.getQuery() : trimSlashes(scanned.getPath());
    int at = shape.indexOf(MARK);
    String before = shape.substring(0, at).toLowerCase(Locale.ROOT);
    String after = shape.substring(at + MARK.length()).toLowerCase(Locale.ROOT);
    if (actual == null
        || (inQuery
            && !trimSlashes(scanned.getPath()).equalsIgnoreCase(trimSlashes(template.getPath())))
        || actual.length() < before.length() + after.length()
        || !actual.toLowerCase(Locale.ROOT).startsWith(before)
        || !actual.toLowerCase(Locale.ROOT).endsWith(after)) {
      return new NotAReceipt();
    }
    String number = actual.substring(before.length(), actual.length() - after.length());
    try {
      return new Number(ReceiptNumber.parse(number).toString().toUpperCase(Locale.ROOT));
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
