package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.Headers;
import io.kasa.api.sales.CardAuthorisationRequest;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.VoidSaleRequest;
import io.kasa.service.auth.Principal;
import io.kasa.service.sales.PostVoidService;
import io.kasa.service.sales.RefundService;
import io.kasa.service.sales.SalesService;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;

/** Sales, card authorisations, look-ups for returns, post-voids and refunds. */
final class SalesRoutes {

  private final Requests req;
  private final SalesService sales;
  private final RefundService refunds;
  private final PostVoidService voids;
  private final Counter salesRecorded;

  SalesRoutes(
      Requests req,
      SalesService sales,
      RefundService refunds,
      PostVoidService voids,
      MeterRegistry metrics) {
    this.req = req;
    this.sales = sales;
    this.refunds = refunds;
    this.voids = voids;
    this.salesRecorded =
        Counter.builder("kasa_sales_recorded").description("Sales recorded").register(metrics);
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/sales", this::submitSale),
        new Route(HandlerType.POST, "/v1/card-authorisations", this::authoriseCard),
        new Route(HandlerType.GET, "/v1/offline-cards/declined", this::declinedCards),
        new Route(HandlerType.GET, "/v1/sales", this::saleByReceipt),
        new Route(HandlerType.GET, "/v1/sales/{id}", this::getSale),
        new Route(HandlerType.GET, "/v1/sales/{id}/return", this::saleForReturn),
        new Route(HandlerType.POST, "/v1/sales/{id}/void", this::voidSale),
        new Route(HandlerType.POST, "/v1/refunds", this::submitRefund));
  }

  private void submitSale(Context ctx) {
    Principal who = req.recorder(ctx);
    SaleRequest body = req.body(ctx, SaleRequest.class);
    SalesService.Outcome outcome = sales.submit(who, ctx.header(Headers.IDEMPOTENCY_KEY), body);
    if (outcome.created()) {
      salesRecorded.increment();
    }
    ctx.status(outcome.created() ? 201 : 200).json(outcome.sale());
  }

  private void authoriseCard(Context ctx) {
    Principal who = req.recorder(ctx);
    ctx.json(sales.authoriseCard(who, req.body(ctx, CardAuthorisationRequest.class)));
  }

  private void declinedCards(Context ctx) {
    ctx.json(sales.declinedCards().forManager(req.employee(ctx)));
  }

  private void saleByReceipt(Context ctx) {
    Principal who = req.employee(ctx);
    String receipt = ctx.queryParam("receipt");
    String token = ctx.queryParam("token");
    if ((receipt == null || receipt.isBlank()) == (token == null || token.isBlank())) {
      throw ApiException.badRequest(
          "Give the receipt number, /v1/sales?receipt=STORE-TERMINAL-SEQUENCE, or the receipt"
              + " token of its QR code, /v1/sales?token=TOKEN");
    }
    ctx.json(
        receipt != null && !receipt.isBlank()
            ? sales.byReceipt(who, receipt)
            : sales.byToken(who, token));
  }

  private void getSale(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(sales.get(who, saleId(ctx)));
  }

  private void saleForReturn(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(sales.forReturn(who, saleId(ctx)));
  }

  private void voidSale(Context ctx) {
    Principal who = req.employee(ctx);
    PostVoidService.Outcome outcome =
        voids.voidSale(who, Requests.pathId(ctx), req.body(ctx, VoidSaleRequest.class));
    ctx.status(200).json(outcome.sale());
  }

  private void submitRefund(Context ctx) {
    Principal who = req.recorder(ctx);
    RefundRequestDto body = req.body(ctx, RefundRequestDto.class);
    RefundService.Outcome outcome = refunds.submit(who, ctx.header(Headers.IDEMPOTENCY_KEY), body);
    ctx.status(outcome.created() ? 201 : 200).json(outcome.refund());
  }

  /** The sale id in the path; one that is not a UUID names no sale. */
  private static UUID saleId(Context ctx) {
    return Requests.id(ctx, "No sale");
  }
}
