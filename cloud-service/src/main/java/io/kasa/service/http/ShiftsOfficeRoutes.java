package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeShift;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.shifts.ShiftJournal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The back office's shifts as documented routes (issue 22, ADR 0049): what the Shifts screen shows,
 * for scripts, with a bearer token. Every role reads them; only the account's organisation and
 * stores: any other shift, store or till is not found.
 */
final class ShiftsOfficeRoutes {

  private final OfficeCaller caller;
  private final ShiftJournal journal;

  ShiftsOfficeRoutes(OfficeCaller caller, ShiftJournal journal) {
    this.caller = caller;
    this.journal = journal;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/shifts", this::list),
        new Route(HandlerType.GET, "/v1/office/shifts/{id}", this::one),
        new Route(HandlerType.GET, "/v1/office/shifts/{id}/pdf", this::pdf));
  }

  private void list(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    String state = ctx.queryParam("state");
    ShiftJournal.Filter filter =
        new ShiftJournal.Filter(
            date(ctx, "from"),
            date(ctx, "to"),
            uuid(ctx, "store"),
            uuid(ctx, "terminal"),
            state == null ? null : state(state));
    Integer limit = Requests.intParam(ctx, "limit");
    ctx.json(
        journal.page(
            scope(who),
            filter,
            ctx.queryParam("cursor"),
            limit == null ? ShiftJournal.PAGE : limit));
  }

  private void one(Context ctx) {
    ctx.json(detail(ctx, caller.account(ctx)));
  }

  private void pdf(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    OfficeShift shift = detail(ctx, who);
    ctx.header("Cache-Control", "no-store")
        .contentType("application/pdf")
        .header(
            "Content-Disposition", "inline; filename=\"shift-" + shift.shift().number() + ".pdf\"")
        .result(journal.pdf(shift, who.email(), who.language()));
  }

  private OfficeShift detail(Context ctx, OfficeAccount who) {
    UUID id = Requests.id(ctx, "No shift");
    return journal.shift(scope(who), id).orElseThrow(() -> ApiException.notFound("No shift " + id));
  }

  private static ShiftJournal.Scope scope(OfficeAccount who) {
    return new ShiftJournal.Scope(who.organisationId(), who.stores());
  }

  private static ShiftJournal.State state(String v) {
    try {
      return ShiftJournal.State.valueOf(v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("The query parameter state is open or closed");
    }
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
