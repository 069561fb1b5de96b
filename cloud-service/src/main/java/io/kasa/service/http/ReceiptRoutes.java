package io.kasa.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.Problem;
import io.kasa.api.sales.ReceiptTokens;
import io.kasa.service.sales.PublicReceipts;
import java.util.List;

/**
 * The customer's receipt, public and without login (ADR 0041): its page {@code /r/{token}}, its PDF
 * {@code /r/{token}.pdf} and its JSON {@code /v1/receipts/{token}}. The token is the only key;
 * every route is rate-limited per client address by a token bucket. An unknown token and one whose
 * sale has not been delivered yet are one and the same answer; nothing says which tokens exist.
 */
final class ReceiptRoutes {

  /** The detail of every 404, whatever the token. */
  static final String UNKNOWN =
      "No receipt with this token (a receipt made offline appears once its till sends it)";

  private final PublicReceipts receipts;
  private final ObjectMapper json;

  ReceiptRoutes(PublicReceipts receipts, ObjectMapper json) {
    this.receipts = receipts;
    this.json = json;
  }

  List<Route> routes() {
    // Registered before the page, whose "/r/{token}" would otherwise take "abc.pdf" for a token.
    return List.of(
        new Route(HandlerType.GET, "/r/{token}.pdf", this::pdf),
        new Route(HandlerType.GET, "/v1/receipts/{token}", this::json));
  }

  private void json(Context ctx) {
    if (limited(ctx)) {
      return;
    }
    ctx.json(found(ctx, ctx.pathParam("token")).view());
  }

  private void pdf(Context ctx) {
    if (limited(ctx)) {
      return;
    }
    PublicReceipts.Found found = found(ctx, ctx.pathParam("token"));
    ctx.contentType("application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"receipt-" + found.view().receiptNumber() + ".pdf\"")
        .result(PublicReceipts.pdf(found));
  }

  /** The receipt, or a 400 for what is no token and a 404, alike for every unknown token. */
  private PublicReceipts.Found found(Context ctx, String token) {
    privately(ctx);
    if (!ReceiptTokens.wellFormed(token)) {
      throw ApiException.badRequest(
          "A receipt token is base64url, 22 to 64 characters, as the receipt's QR code carries it");
    }
    return receipts.find(token).orElseThrow(() -> ApiException.notFound(UNKNOWN));
  }

  /**
   * The token in the address is the key to the receipt: no cache keeps it, no page it links to is
   * told it, no search engine lists it.
   */
  private static void privately(Context ctx) {
    ctx.header("Cache-Control", "no-store")
        .header("Referrer-Policy", "no-referrer")
        .header("X-Robots-Tag", "noindex, nofollow")
        .header("X-Content-Type-Options", "nosniff");
  }

  /** Whether the client may go ahead; if not, Retry-After is set. */
  private boolean limits(Context ctx) {
    long wait = receipts.admit(ctx.ip());
    if (wait > 0) {
      ctx.header("Retry-After", Long.toString(wait));
      return false;
    }
    return true;
  }

  /** Answers 429 with a problem body when the client has made too many requests. */
  private boolean limited(Context ctx) {
    if (limits(ctx)) {
      return false;
    }
    privately(ctx);
    Problems.write(
        ctx,
        json,
        new Problem(
            "https://kasa.io/problems/too-many-requests",
            "Too many requests",
            429,
            "Too many receipt requests from this address; try again after "
                + ctx.res().getHeader("Retry-After")
                + " s",
            null));
    return true;
  }
}
