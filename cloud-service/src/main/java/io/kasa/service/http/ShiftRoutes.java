package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.Headers;
import io.kasa.api.shifts.CashMovementRequest;
import io.kasa.api.shifts.CloseShiftRequest;
import io.kasa.api.shifts.OpenShiftRequest;
import io.kasa.api.shifts.ShiftDto;
import io.kasa.service.auth.Principal;
import io.kasa.service.shifts.ShiftService;
import java.util.List;
import java.util.Map;

/** Shifts: opening with a float, cash in and out, the blind close and its report. */
final class ShiftRoutes {

  private final Requests req;
  private final ShiftService shifts;

  ShiftRoutes(Requests req, ShiftService shifts) {
    this.req = req;
    this.shifts = shifts;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/shifts", this::open),
        new Route(HandlerType.POST, "/v1/shifts/{id}/cash-movements", this::cashMovement),
        new Route(HandlerType.POST, "/v1/shifts/{id}/close", this::close),
        new Route(HandlerType.GET, "/v1/shifts/{id}/report", this::report));
  }

  private void open(Context ctx) {
    Principal who = req.recorder(ctx);
    Map.Entry<Boolean, ShiftDto> opened =
        shifts.open(
            who, ctx.header(Headers.IDEMPOTENCY_KEY), req.body(ctx, OpenShiftRequest.class));
    ctx.status(opened.getKey() ? 201 : 200).json(opened.getValue());
  }

  private void cashMovement(Context ctx) {
    Principal who = req.recorder(ctx);
    shifts.move(
        who,
        Requests.pathId(ctx),
        ctx.header(Headers.IDEMPOTENCY_KEY),
        req.body(ctx, CashMovementRequest.class));
    ctx.status(204);
  }

  private void close(Context ctx) {
    Principal who = req.recorder(ctx);
    ctx.json(shifts.close(who, Requests.pathId(ctx), req.body(ctx, CloseShiftRequest.class)));
  }

  private void report(Context ctx) {
    ctx.json(shifts.report(req.employee(ctx), Requests.pathId(ctx)));
  }
}
