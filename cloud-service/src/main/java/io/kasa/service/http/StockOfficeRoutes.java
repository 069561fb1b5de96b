package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.Headers;
import io.kasa.api.office.OfficeStockAdjustmentRequest;
import io.kasa.api.office.OfficeStockReorderLevelRequest;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.stock.StockOffice;
import io.kasa.service.stock.StockProblem;
import java.util.List;
import java.util.UUID;

/**
 * The back office's Stock screen as documented routes (ADR 0050): a store's levels with the low
 * filter, an item's movements, adjustments and reorder levels. Everyone signed in reads; owners and
 * managers change; a store outside the account's organisation or stores is not found.
 */
final class StockOfficeRoutes {

  private final Requests req;
  private final OfficeCaller caller;
  private final StockOffice stock;

  StockOfficeRoutes(Requests req, OfficeCaller caller, StockOffice stock) {
    this.req = req;
    this.caller = caller;
    this.stock = stock;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/stock", this::levels),
        new Route(
            HandlerType.GET, "/v1/office/stock/{id}/items/{itemId}/movements", this::movements),
        new Route(HandlerType.POST, "/v1/office/stock/{id}/adjustments", this::adjust),
        new Route(
            HandlerType.PUT,
            "/v1/office/stock/{id}/items/{itemId}/reorder-level",
            this::reorderLevel));
  }

  private static StockOffice.Scope scope(OfficeAccount who) {
    return new StockOffice.Scope(who.organisationId(), who.stores());
  }

  private void levels(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    String store = ctx.queryParam("store");
    UUID id;
    try {
      id = store == null ? null : UUID.fromString(store);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("store is a store's id");
    }
    try {
      ctx.json(
          stock
              .levels(
                  scope(who),
                  id,
                  ctx.queryParam("q"),
                  "true".equals(ctx.queryParam("low")),
                  ctx.queryParam("after"),
                  limit(ctx))
              .orElseThrow(() -> ApiException.notFound("The account sees no store")));
    } catch (StockOffice.NotFound e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  private void movements(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    String before = ctx.queryParam("before");
    Long b;
    try {
      b = before == null ? null : Long.valueOf(before);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("before is the id of a movement");
    }
    try {
      ctx.json(
          stock.movements(
              scope(who), Requests.id(ctx, "No store"), ctx.pathParam("itemId"), b, limit(ctx)));
    } catch (StockOffice.NotFound e) {
      throw ApiException.notFound(e.getMessage());
    }
  }

  private void adjust(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    UUID store = Requests.id(ctx, "No store");
    OfficeStockAdjustmentRequest body = req.body(ctx, OfficeStockAdjustmentRequest.class);
    try {
      StockOffice.Outcome outcome =
          stock.adjust(
              scope(who),
              who.id(),
              store,
              ctx.header(Headers.IDEMPOTENCY_KEY),
              new StockOffice.Adjustment(
                  body.itemId(), body.reason(), body.quantity(), body.note()));
      ctx.status(outcome.created() ? 201 : 200).json(outcome.adjusted());
    } catch (StockOffice.NotFound e) {
      throw ApiException.notFound(e.getMessage());
    } catch (StockProblem p) {
      throw problem(p);
    }
  }

  private void reorderLevel(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    UUID store = Requests.id(ctx, "No store");
    OfficeStockReorderLevelRequest body = req.body(ctx, OfficeStockReorderLevelRequest.class);
    try {
      ctx.json(
          stock.reorderLevel(scope(who), who.id(), store, ctx.pathParam("itemId"), body.level()));
    } catch (StockOffice.NotFound e) {
      throw ApiException.notFound(e.getMessage());
    } catch (StockProblem p) {
      throw problem(p);
    }
  }

  /** A key that is not a UUID is a bad request, one used for other details a conflict. */
  private static ApiException problem(StockProblem p) {
    if (p.code().equals("conflict")) {
      return ApiException.conflict(p.getMessage());
    }
    if (p.field().equals("key")) {
      return ApiException.badRequest(p.getMessage());
    }
    return ApiException.invalid("/" + p.field(), p.getMessage());
  }

  private static int limit(Context ctx) {
    Integer limit = Requests.intParam(ctx, "limit");
    if (limit == null) {
      return StockOffice.PAGE;
    }
    if (limit < 1 || limit > StockOffice.MAX_LIMIT) {
      throw ApiException.badRequest("limit is 1 to " + StockOffice.MAX_LIMIT);
    }
    return limit;
  }
}
