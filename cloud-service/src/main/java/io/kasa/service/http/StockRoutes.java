package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.Headers;
import io.kasa.api.stock.StockAdjustmentRequest;
import io.kasa.service.auth.Principal;
import io.kasa.service.stock.StockService;
import java.util.List;
import java.util.UUID;

/** The stores' stock: levels, an item's movements, and counted adjustments. */
final class StockRoutes {

  private final Requests req;
  private final StockService stock;

  StockRoutes(Requests req, StockService stock) {
    this.req = req;
    this.stock = stock;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/stores/{id}/stock", this::levels),
        new Route(HandlerType.GET, "/v1/stores/{id}/stock/{itemId}/movements", this::movements),
        new Route(HandlerType.POST, "/v1/stores/{id}/stock/adjustments", this::adjust));
  }

  private void levels(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(
        stock.levels(
            who,
            storeId(ctx),
            ctx.queryParam("item"),
            ctx.queryParam("below"),
            Requests.intParam(ctx, "limit"),
            ctx.queryParam("after")));
  }

  private void movements(Context ctx) {
    Principal who = req.employee(ctx);
    String before = ctx.queryParam("before");
    Long b;
    try {
      b = before == null ? null : Long.valueOf(before);
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("before is the id of a movement");
    }
    ctx.json(
        stock.movements(
            who, storeId(ctx), ctx.pathParam("itemId"), Requests.intParam(ctx, "limit"), b));
  }

  private void adjust(Context ctx) {
    Principal who = req.employee(ctx);
    StockService.Outcome outcome =
        stock.adjust(
            who,
            storeId(ctx),
            ctx.header(Headers.IDEMPOTENCY_KEY),
            req.body(ctx, StockAdjustmentRequest.class));
    ctx.status(outcome.created() ? 201 : 200).json(outcome.adjustment());
  }

  /** The store in the path; one that is not a UUID names no store. */
  private static UUID storeId(Context ctx) {
    return Requests.id(ctx, "No store");
  }
}
