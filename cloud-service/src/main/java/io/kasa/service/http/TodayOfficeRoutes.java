package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.sales.TodayFigures;
import java.util.List;
import java.util.UUID;

/**
 * The back office's Today as a documented route (ADR 0042): the figures the page shows, as JSON,
 * for every role (an accountant reads too), scoped to the account's stores.
 */
final class TodayOfficeRoutes {

  private final OfficeCaller caller;
  private final TodayFigures figures;

  TodayOfficeRoutes(OfficeCaller caller, TodayFigures figures) {
    this.caller = caller;
    this.figures = figures;
  }

  List<Route> routes() {
    return List.of(new Route(HandlerType.GET, "/v1/office/today", this::today));
  }

  private void today(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    String chosen = ctx.queryParam("store");
    UUID store = null;
    if (chosen != null) {
      try {
        store = UUID.fromString(chosen);
      } catch (IllegalArgumentException e) {
        throw ApiException.badRequest("store is not a store's id (a UUID)");
      }
      OfficeCaller.requireStore(who, store);
    }
    ctx.json(
        figures
            .today(who.organisationId(), who.stores(), store)
            .orElseThrow(() -> ApiException.notFound("No such store")));
  }
}
