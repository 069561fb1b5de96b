package io.kasa.service.http;

import io.javalin.http.Context;
import io.kasa.api.Headers;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.accounts.OfficeSignIn;
import java.util.UUID;

/**
 * Who calls a back-office route of the API (ADR 0040): a bearer token from {@code POST
 * /v1/office/sessions}, never the pages' cookie (so the routes need no CSRF token). Every area's
 * {@code /v1/office/...} routes resolve their caller here, and check the role and the store the
 * same way: an accountant reads but never changes (403), and a store outside the account's scope or
 * organisation is not found (404, so its existence is not told).
 */
final class OfficeCaller {

  private final OfficeSignIn signIn;
  private final Contract contract;

  OfficeCaller(OfficeSignIn signIn, Contract contract) {
    this.signIn = signIn;
    this.contract = contract;
  }

  /**
   * The signed-in account, or 401 with how to sign in; then the request's query and header
   * parameters are checked against the API document, as a till's are (400 naming the place).
   */
  OfficeAccount account(Context ctx) {
    OfficeAccount a =
        signIn
            .session(bearer(ctx))
            .filter(s -> !s.codeDue())
            .orElseThrow(() -> ApiException.unauthorized("Sign in: POST /v1/office/sessions"))
            .account();
    if (a.kitchenOnly()) {
      throw ApiException.forbidden(
          "A kitchen account reaches the kitchen screen alone, not the back office's API");
    }
    contract.parameters(ctx);
    return a;
  }

  /** The signed-in account if it may change things, else 401 or 403. */
  OfficeAccount changer(Context ctx) {
    OfficeAccount a = account(ctx);
    if (!a.mayChange()) {
      throw ApiException.forbidden(
          "An accountant's account reads the back office but changes nothing");
    }
    return a;
  }

  /**
   * Throws 404 unless {@code account} may see {@code store}; the caller has already checked that
   * the store belongs to the account's organisation (or finds it by organisation and store).
   */
  static void requireStore(OfficeAccount account, UUID store) {
    if (!account.maySee(store)) {
      throw ApiException.notFound("No such store");
    }
  }

  /** The session token of the Authorization header, or null. */
  static String bearer(Context ctx) {
    String h = ctx.header(Headers.AUTHORIZATION);
    return h != null && h.startsWith("Bearer ") ? h.substring(7).trim() : null;
  }
}
