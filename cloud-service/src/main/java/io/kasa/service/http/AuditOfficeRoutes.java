package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.audit.AuditJournal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The back office's audit log as a documented route (issue 22, ADR 0048): what the Audit screen
 * shows, for scripts, with a bearer token. Every role reads it; only the account's organisation,
 * and for an account scoped to some stores only their tills' entries.
 */
final class AuditOfficeRoutes {

  private final OfficeCaller caller;
  private final AuditJournal journal;

  AuditOfficeRoutes(OfficeCaller caller, AuditJournal journal) {
    this.caller = caller;
    this.journal = journal;
  }

  List<Route> routes() {
    return List.of(new Route(HandlerType.GET, "/v1/office/audit", this::list));
  }

  private void list(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    AuditJournal.Filter filter =
        new AuditJournal.Filter(
            date(ctx, "from"),
            date(ctx, "to"),
            uuid(ctx, "store"),
            uuid(ctx, "terminal"),
            uuid(ctx, "employee"),
            uuid(ctx, "account"),
            ctx.queryParam("kind"));
    Integer limit = Requests.intParam(ctx, "limit");
    ctx.json(
        journal.page(
            new AuditJournal.Scope(who.organisationId(), who.stores()),
            filter,
            ctx.queryParam("cursor"),
            limit == null ? AuditJournal.PAGE : limit,
            who.language() == null ? "uk" : who.language()));
  }

  private static LocalDate date(Context ctx, String name) {
    String v = ctx.queryParam(name);
    try {
      return v == null ? null : LocalDate.parse(v);
    } catch (DateTimeParseException e) {
      throw ApiException.badRequest("The query parameter " + name + " is a date (2026-12-31)");
    }
  }

  private static UUID uuid(Context ctx, String name) {
    String v = ctx.queryParam(name);
    try {
      return v == null ? null : UUID.fromString(v);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("The query parameter " + name + " is a UUID");
    }
  }
}
