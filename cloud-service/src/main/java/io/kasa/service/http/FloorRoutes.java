package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.kasa.api.Headers;
import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.AreaRequest;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.MergeRequest;
import io.kasa.api.floor.MoveRequest;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import io.kasa.api.floor.PartyStatusRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SettleRequest;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.TableDto;
import io.kasa.api.floor.TableRequest;
import io.kasa.api.floor.VersionRequest;
import io.kasa.service.auth.Principal;
import io.kasa.service.db.Database;
import io.kasa.service.floor.FloorEvents;
import io.kasa.service.floor.StreamSink;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The host stand: the floor plan and its live events, the waitlist, and checks on tables. */
final class FloorRoutes {

  private final Requests req;
  private final Database database;
  private final CloudApp.Floor floor;

  FloorRoutes(Requests req, Database database, CloudApp.Floor floor) {
    this.req = req;
    this.database = database;
    this.floor = floor;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/floor", this::plan),
        new Route(HandlerType.GET, "/v1/floor/events", this::events),
        new Route(HandlerType.PUT, "/v1/floor/areas/{id}", this::putArea),
        new Route(HandlerType.PUT, "/v1/floor/tables/{id}", this::putTable),
        new Route(HandlerType.DELETE, "/v1/floor/tables/{id}", this::removeTable),
        new Route(HandlerType.POST, "/v1/floor/tables/{id}/seat", this::seat),
        new Route(HandlerType.POST, "/v1/floor/tables/{id}/clear", this::clearTable),
        new Route(HandlerType.POST, "/v1/waitlist", this::addParty),
        new Route(HandlerType.POST, "/v1/waitlist/{id}/status", this::partyStatus),
        new Route(HandlerType.POST, "/v1/checks/{id}/lines", this::addCheckLine),
        new Route(HandlerType.DELETE, "/v1/checks/{id}/lines/{line}", this::removeCheckLine),
        new Route(HandlerType.POST, "/v1/checks/{id}/move", this::moveCheck),
        new Route(HandlerType.POST, "/v1/checks/{id}/merge", this::mergeCheck),
        new Route(HandlerType.POST, "/v1/checks/{id}/split", this::splitCheck),
        new Route(HandlerType.POST, "/v1/checks/{id}/prebill", this::prebill),
        new Route(HandlerType.POST, "/v1/checks/{id}/settle", this::settleCheck));
  }

  private void plan(Context ctx) {
    ctx.json(floor.plan().floor(req.employee(ctx)));
  }

  /**
   * The store's floor events as server-sent events, from the one after {@code Last-Event-ID} (or
   * {@code ?after=}); without either, from the next change on. The stream stays open, with a
   * keep-alive comment when idle; a client reconnects with the last id it saw.
   */
  private void events(Context ctx) throws Exception {
    Principal who = req.employee(ctx);
    Requests.eventStreamAccepted(ctx);
    String from = ctx.header("Last-Event-ID");
    if (from == null) {
      from = ctx.queryParam("after");
    }
    long after;
    try {
      after =
          from == null
              ? database
                  .jdbi()
                  .withHandle(h -> FloorEvents.last(h, who.organisationId(), who.storeId()))
              : Long.parseLong(from.trim());
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Last-Event-ID is the number of the last event seen");
    }
    if (after < 0) {
      throw ApiException.badRequest("Last-Event-ID is the number of the last event seen");
    }
    floor.plan().mayFollow(who);
    new SseHandler(
            client -> {
              Runnable stop =
                  floor
                      .events()
                      .subscribe(
                          who.organisationId(), who.storeId(), after, new StreamSink(client));
              client.onClose(stop);
              client.keepAlive();
            })
        .handle(ctx);
  }

  private void putArea(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, AreaDto> put =
        floor.plan().putArea(who, Requests.pathId(ctx), req.body(ctx, AreaRequest.class));
    ctx.status(put.getKey() ? 201 : 200).json(put.getValue());
  }

  private void putTable(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, TableDto> put =
        floor.plan().putTable(who, Requests.pathId(ctx), req.body(ctx, TableRequest.class));
    ctx.status(put.getKey() ? 201 : 200).json(put.getValue());
  }

  private void removeTable(Context ctx) {
    Principal who = req.employee(ctx);
    String version = ctx.queryParam("version");
    long v;
    try {
      v = Long.parseLong(String.valueOf(version));
    } catch (NumberFormatException e) {
      throw ApiException.badRequest("Name the table's version: ?version=N");
    }
    floor.plan().removeTable(who, Requests.pathId(ctx), v);
    ctx.status(204);
  }

  private void seat(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, CheckDto> seated =
        floor.plan().seat(who, Requests.pathId(ctx), req.body(ctx, SeatRequest.class));
    ctx.status(seated.getKey() ? 201 : 200).json(seated.getValue());
  }

  private void clearTable(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(
        floor
            .plan()
            .clear(who, Requests.pathId(ctx), req.body(ctx, VersionRequest.class).version()));
  }

  private void addParty(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, PartyDto> added =
        floor
            .waitlist()
            .add(who, ctx.header(Headers.IDEMPOTENCY_KEY), req.body(ctx, PartyRequest.class));
    ctx.status(added.getKey() ? 201 : 200).json(added.getValue());
  }

  private void partyStatus(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(
        floor
            .waitlist()
            .status(who, Requests.pathId(ctx), req.body(ctx, PartyStatusRequest.class)));
  }

  private void addCheckLine(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, CheckDto> added =
        floor.checks().addLine(who, Requests.pathId(ctx), req.body(ctx, AddLineRequest.class));
    ctx.status(added.getKey() ? 201 : 200).json(added.getValue());
  }

  private void removeCheckLine(Context ctx) {
    Principal who = req.employee(ctx);
    UUID line;
    try {
      line = UUID.fromString(ctx.pathParam("line"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No item " + ctx.pathParam("line") + " on this check");
    }
    ctx.json(floor.checks().removeLine(who, Requests.pathId(ctx), line));
  }

  private void moveCheck(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(floor.checks().move(who, Requests.pathId(ctx), req.body(ctx, MoveRequest.class)));
  }

  private void mergeCheck(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(floor.checks().merge(who, Requests.pathId(ctx), req.body(ctx, MergeRequest.class)));
  }

  private void splitCheck(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(floor.checks().split(who, Requests.pathId(ctx), req.body(ctx, SplitRequest.class)));
  }

  private void prebill(Context ctx) {
    Principal who = req.employee(ctx);
    ctx.json(
        floor
            .checks()
            .prebill(who, Requests.pathId(ctx), req.body(ctx, VersionRequest.class).version()));
  }

  private void settleCheck(Context ctx) {
    Principal who = req.recorder(ctx);
    ctx.json(floor.checks().settle(who, Requests.pathId(ctx), req.body(ctx, SettleRequest.class)));
  }
}
