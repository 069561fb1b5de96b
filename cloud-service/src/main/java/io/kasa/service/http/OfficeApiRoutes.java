package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeAccountDto;
import io.kasa.api.office.OfficeSessionResponse;
import io.kasa.api.office.OfficeSignInRequest;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.accounts.OfficeSignIn;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The back office's sign-in, sign-out and who-am-I as documented routes (ADR 0040): what the
 * sign-in pages do, for scripts, with a bearer token instead of a cookie (so no CSRF token).
 */
final class OfficeApiRoutes {

  private final Requests req;
  private final OfficeSignIn signIn;
  private final OfficeCaller caller;

  OfficeApiRoutes(Requests req, OfficeSignIn signIn, OfficeCaller caller) {
    this.req = req;
    this.signIn = signIn;
    this.caller = caller;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/office/sessions", this::signIn),
        new Route(HandlerType.DELETE, "/v1/office/sessions/current", this::signOut),
        new Route(HandlerType.GET, "/v1/office/me", this::me));
  }

  private void signIn(Context ctx) {
    OfficeSignInRequest body = req.body(ctx, OfficeSignInRequest.class);
    OfficeSignIn.Result r = signIn.signIn(body.email(), body.password(), ctx.ip());
    if (r.outcome() == OfficeSignIn.Outcome.CODE_NEEDED) {
      if (body.code() == null) {
        signIn.signOut(r.token());
        throw new ApiException(
            401,
            "code-required",
            "Code required",
            "This account signs in with a TOTP code too: send it as code",
            null);
      }
      r = signIn.secondFactor(r.token(), body.code(), ctx.ip());
      if (r.outcome() == OfficeSignIn.Outcome.WRONG) {
        throw new ApiException(
            401, "code-required", "Code required", "The TOTP code is wrong or used", null);
      }
    }
    switch (r.outcome()) {
      case SIGNED_IN -> {
        OfficeAccount a = signIn.session(r.token()).orElseThrow().account();
        ctx.status(201).json(new OfficeSessionResponse(r.token(), r.expiresAt(), dto(a)));
      }
      case LOCKED ->
          throw ApiException.locked(
              "Too many failed attempts: the account is locked until " + r.lockedUntil());
      case ADDRESS_LOCKED -> {
        long seconds = Math.max(1, Duration.between(Instant.now(), r.lockedUntil()).toSeconds());
        ctx.header("Retry-After", Long.toString(seconds));
        throw new ApiException(
            429,
            "too-many-attempts",
            "Too many attempts",
            "Too many failed sign-ins from this address: paused until " + r.lockedUntil(),
            null);
      }
      default -> throw ApiException.unauthorized("Wrong email or password");
    }
  }

  private void signOut(Context ctx) {
    if (!signIn.signOut(OfficeCaller.bearer(ctx))) {
      throw ApiException.unauthorized("No such back-office session");
    }
    ctx.status(204);
  }

  private void me(Context ctx) {
    ctx.json(dto(caller.account(ctx)));
  }

  static OfficeAccountDto dto(OfficeAccount a) {
    return new OfficeAccountDto(
        a.id().toString(),
        a.organisationId().toString(),
        a.organisationName(),
        a.email(),
        a.role(),
        a.stores() == null ? null : a.stores().stream().map(UUID::toString).toList(),
        a.language(),
        a.totp());
  }
}
