package io.kasa.service.http;

import io.javalin.http.Context;
import io.kasa.api.Headers;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import io.kasa.service.terminals.TerminalContacts;
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
  private final TerminalContacts contacts;

  Requests(AuthService auth, Contract contract, TerminalContacts contacts) {
    this.auth = auth;
    this.contract = contract;
    this.contacts = contacts;
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
    contacts.seen(
        who.organisationId(),
        who.terminalId(),
        TerminalContacts.unsent(ctx.header(TerminalContacts.UNSENT)),
        TerminalContacts.version(ctx.header(TerminalContacts.VERSION)));
    contract.parameters(ctx);
    return who;
  }

  /**
   * A till's health probe, its heartbeat while it has nothing to send (ADR 0045): when it carries
   * the till's credential and its contact is due to be written, the credential is checked and the
   * contact recorded. The probe's answer is the same whatever the credential: a wrong one is
   * ignored here, and none is needed.
   */
  void probe(Context ctx) {
    String authorization = ctx.header(Headers.AUTHORIZATION);
    if (authorization == null || !authorization.startsWith("Bearer ")) {
      return;
    }
    String credential = authorization.substring("Bearer ".length()).trim();
    int dot = credential.indexOf('.');
    UUID terminal;
    try {
      terminal = UUID.fromString(credential.substring(0, Math.max(0, dot)));
    } catch (IllegalArgumentException e) {
      return;
    }
    Long unsent = TerminalContacts.unsent(ctx.header(TerminalContacts.UNSENT));
    String version = TerminalContacts.version(ctx.header(TerminalContacts.VERSION));
    if (!contacts.due(terminal, unsent, version)) {
      return;
    }
    Principal who;
    try {
      who = auth.authenticateTerminal(authorization);
    } catch (ApiException refused) {
      return;
    }
    contacts.seen(who.organisationId(), who.terminalId(), unsent, version);
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
