package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeSale;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.sales.PublicReceipts;
import io.kasa.service.sales.SalesJournal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/**
 * The back office's sales journal as documented routes (issue 22): what the Sales screen shows, for
 * scripts, with a bearer token. Only the account's organisation and stores: any other sale, store,
 * till or employee is not found.
 */
final class SalesOfficeRoutes {

  private final OfficeCaller caller;
  private final SalesJournal journal;

  SalesOfficeRoutes(OfficeCaller caller, SalesJournal journal) {
    this.caller = caller;
    this.journal = journal;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/sales", this::list),
        new Route(HandlerType.GET, "/v1/office/sales/{id}", this::one),
        new Route(HandlerType.GET, "/v1/office/sales/{id}/pdf", this::pdf));
  }

  private void list(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    SalesJournal.Filter filter =
        new SalesJournal.Filter(
            date(ctx, "from"),
            date(ctx, "to"),
            uuid(ctx, "store"),
            uuid(ctx, "terminal"),
            uuid(ctx, "employee"),
            ctx.queryParam("receipt"),
            amount(ctx, "min"),
            amount(ctx, "max"));
    Integer limit = Requests.intParam(ctx, "limit");
    ctx.json(
        journal.page(
            scope(who),
            filter,
            ctx.queryParam("cursor"),
            limit == null ? SalesJournal.PAGE : limit));
  }

  private void one(Context ctx) {
    SalesJournal.Detail d = detail(ctx);
    String token = d.found().view().token();
    ctx.json(
        new OfficeSale(
            d.row(),
            d.found().view(),
            "/v1/office/sales/" + d.row().id() + "/pdf",
            token == null ? null : "/r/" + token));
  }

  private void pdf(Context ctx) {
    SalesJournal.Detail d = detail(ctx);
    ctx.header("Cache-Control", "no-store")
        .contentType("application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"receipt-" + d.row().receiptNumber() + ".pdf\"")
        .result(PublicReceipts.pdf(d.found()));
  }

  private SalesJournal.Detail detail(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    UUID id = Requests.id(ctx, "No sale");
    return journal.sale(scope(who), id).orElseThrow(() -> ApiException.notFound("No sale " + id));
  }

  static SalesJournal.Scope scope(OfficeAccount who) {
    return new SalesJournal.Scope(who.organisationId(), who.stores());
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

  private static Long amount(Context ctx, String name) {
    String v = ctx.queryParam(name);
    try {
      Long amount = v == null ? null : Long.valueOf(v);
      if (amount != null && amount < 0) {
        throw new NumberFormatException(v);
      }
      return amount;
    } catch (NumberFormatException e) {
      throw ApiException.badRequest(
          "The query parameter " + name + " is a whole amount in minor units");
    }
  }
}
