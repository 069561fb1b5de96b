package io.kasa.service.office;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import io.kasa.api.sales.PublicReceipt;
import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.service.sales.PublicReceipts;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;

/**
 * The customer's receipt page, {@code /r/{token}} (ADR 0041): the receipt as printed, mobile first,
 * in the store's language, with the back office's stylesheet and Content Security Policy and no
 * script at all; and the pages that say a receipt is not there (yet), is no receipt's address, or
 * was asked for too often. Public: no session, no cookie.
 */
public final class ReceiptPage {

  /** Which page. */
  public enum Kind {
    /** The receipt. */
    RECEIPT,
    /** No receipt with this token: unknown, or made offline and not delivered yet. */
    NOT_YET,
    /** The address holds no receipt token. */
    NOT_A_RECEIPT,
    /** Too many requests from this address. */
    BUSY
  }

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Assets assets;

  ReceiptPage(Assets assets) {
    this.assets = assets;
  }

  /**
   * The page's route, {@code GET /r/{token}}, answered from {@code receipts}: rate-limited with the
   * receipt's other routes, a page for a token of no receipt (or not delivered yet) alike for every
   * such token.
   */
  public java.util.List<Page> pages(PublicReceipts receipts) {
    return java.util.List.of(
        new Page(io.javalin.http.HandlerType.GET, "/r/{token}", ctx -> answer(ctx, receipts)));
  }

  private void answer(Context ctx, PublicReceipts receipts) {
    String token = ctx.pathParam("token");
    // The token in the address is the key to the receipt: no cache keeps it, no page it links to
    // is told it, no search engine lists it.
    ctx.header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Robots-Tag", "noindex, nofollow");
    long wait = receipts.admit(ctx.ip());
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      write(ctx, 429, Kind.BUSY, null);
      return;
    }
    if (!io.kasa.api.sales.ReceiptTokens.wellFormed(token)) {
      write(ctx, 400, Kind.NOT_A_RECEIPT, null);
      return;
    }
    java.util.Optional<PublicReceipts.Found> found = receipts.find(token);
    if (found.isEmpty()) {
      write(ctx, 404, Kind.NOT_YET, null);
      return;
    }
    write(ctx, 200, Kind.RECEIPT, found.get());
  }

  /**
   * Writes the page {@code kind} with {@code status}: the receipt {@code found} in its store's
   * language, or (found null) a page in the browser's language.
   */
  void write(Context ctx, int status, Kind kind, PublicReceipts.Found found) {
    String language =
        found != null
            ? found.locale().getLanguage()
            : java.util.Objects.requireNonNullElse(
                Words.fromAcceptLanguage(ctx.header("Accept-Language")), Words.LANGUAGES.get(0));
    Model model =
        new Model(Words.of(language), assets.url("kasa.css"), assets.url("kasa-icon.svg"), found);
    Utf8ByteOutput out = new Utf8ByteOutput();
    if (kind == Kind.RECEIPT) {
      engine.render("receipt/page.jte", Map.of("model", model), out);
    } else {
      engine.render(
          "receipt/missing.jte",
          Map.of("model", model, "what", kind.name().toLowerCase(Locale.ROOT)),
          out);
    }
    ctx.status(status).contentType("text/html; charset=utf-8").result(out.toByteArray());
  }

  /** The receipt's model for another page that shows it as printed (the back office's sale). */
  Model model(PublicReceipts.Found found) {
    return new Model(
        Words.of(found.locale().getLanguage()),
        assets.url("kasa.css"),
        assets.url("kasa-icon.svg"),
        found);
  }

  /** What the receipt's templates read: its words, the receipt and its amounts as printed. */
  public static final class Model {

    private final Words words;
    private final String css;
    private final String icon;
    private final PublicReceipt receipt;
    private final MoneyFormat format;
    private final Currency currency;
    private final ZoneId zone;
    private final DateTimeFormatter time;

    Model(Words words, String css, String icon, PublicReceipts.Found found) {
      this.words = words;
      this.css = css;
      this.icon = icon;
      this.receipt = found == null ? null : found.view();
      this.format = new MoneyFormat(found == null ? Locale.forLanguageTag("uk") : found.locale());
      this.currency = found == null ? null : Currency.getInstance(receipt.currency());
      this.zone = found == null ? ZoneId.of("UTC") : ZoneId.of(receipt.timeZone());
      this.time = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");
    }

    public String t(String key) {
      return words.get(key);
    }

    public String t(String key, Object... args) {
      return words.get(key, args);
    }

    public String lang() {
      return words.language();
    }

    /** The stylesheet's versioned path. */
    public String css() {
      return css;
    }

    /** The page's icon's versioned path (browsers ask for /favicon.ico without one). */
    public String icon() {
      return icon;
    }

    public PublicReceipt receipt() {
      return receipt;
    }

    /** An amount with the currency's sign, as the receipt prints it. */
    public String money(long minor) {
      return format.withSymbol(Money.of(minor, currency));
    }

    /** A quantity as the receipt prints it. */
    public String quantity(String quantity) {
      return format.quantity(Quantity.parse(quantity));
    }

    /** A time in the store's zone, as the receipt prints it. */
    public String time(Instant at) {
      return time.format(at.atZone(zone));
    }

    /** The same time for {@code <time datetime>}. */
    public String iso(Instant at) {
      return at.toString();
    }

    /** What a payment was, in the page's words. */
    public String payment(String type) {
      return words.get("receipt.payment." + type);
    }

    /** The PDF beside the page (relative, so it holds under any public address). */
    public String pdf() {
      return receipt.token() + ".pdf";
    }

    public boolean voided() {
      return receipt.voidedAt() != null;
    }
  }
}
