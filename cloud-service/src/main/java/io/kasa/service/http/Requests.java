package io.kasa.service.http;

import io.javalin.http.Context;
import io.kasa.api.Headers;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import java.util.Locale;
import java.util.UUID;

/**
 * What every area's handlers ask of a request: who is calling (a terminal, a signed-in employee, or
 * an employee the terminal vouches for), its body and parameters checked against the API document,
 * and ids from the path.
 */
final class Requests {

  /** The attribute under which the caller is kept for the access log. */
  static final String PRINCIPAL = "kasa.principal";

  private final AuthService auth;
  private final Contract contract;

  Requests(AuthService auth, Contract contract) {
    this.auth = auth;
    this.contract = contract;
  }

  /** The signed-in employee. */
  Principal employee(Context ctx) {
    return authenticated(
        ctx,
        auth.authenticateEmployee(ctx.header(Headers.AUTHORIZATION), ctx.header(Headers.SESSION)));
  }

  /**
   * Who records work: the signed-in employee, or, on work the terminal recorded earlier (its
   * outbox), the employee it vouches for with {@link Headers#EMPLOYEE}.
   */
  Principal recorder(Context ctx) {
    String vouched = ctx.header(Headers.EMPLOYEE);
    if (vouched == null || ctx.header(Headers.SESSION) != null) {
      return employee(ctx);
    }
    return authenticated(ctx, auth.authenticateVouched(ctx.header(Headers.AUTHORIZATION), vouched));
  }

  /** The calling terminal. */
  Principal terminal(Context ctx) {
    return authenticated(ctx, auth.authenticateTerminal(ctx.header(Headers.AUTHORIZATION)));
  }

  /**
   * Remembers who called for the access log, then checks the request's parameters against the API
   * document: only an authenticated caller learns what is wrong with a request.
   */
  private Principal authenticated(Context ctx, Principal who) {
    ctx.attribute(PRINCIPAL, who);
    contract.parameters(ctx);
    return who;
  }

  /** The request's body as a {@code type}, checked against the API document. */
  <T> T body(Context ctx, Class<T> type) {
    String contentType = ctx.contentType();
    if (contentType == null
        || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
      throw new ApiException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "Send the body as application/json",
          null);
    }
    return contract.body(ctx, type);
  }

  /** The {@code {id}} in the path; one that is not a UUID names nothing, said as {@code what}. */
  static UUID id(Context ctx, String what) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound(what + " " + ctx.pathParam("id"));
    }
  }

  /** The {@code {id}} in the path. */
  static UUID pathId(Context ctx) {
    return id(ctx, "Nothing with id");
  }

  /** An optional whole-number query parameter. */
  static Integer intParam(Context ctx, String name) {
    String value = ctx.queryParam(name);
    try {
      return value == null ? null : Integer.valueOf(value);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(name + " is a whole number");
    }
  }

  /** Refuses a request for an event stream that does not accept one. */
  static void eventStreamAccepted(Context ctx) {
    String accept = ctx.header("Accept");
    if (accept == null || !accept.contains("text/event-stream")) {
      throw new ApiException(
          406,
          "not-acceptable",
          "Not acceptable",
          "This is an event stream: send Accept: text/event-stream",
          null);
    }
  }
}
