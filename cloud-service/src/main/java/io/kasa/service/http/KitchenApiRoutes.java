package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseHandler;
import io.kasa.api.floor.FireRequest;
import io.kasa.api.floor.SendRequest;
import io.kasa.api.floor.SendResult;
import io.kasa.api.kitchen.KitchenStationDto;
import io.kasa.api.kitchen.KitchenStationRequest;
import io.kasa.service.auth.Principal;
import io.kasa.service.db.Database;
import io.kasa.service.floor.FloorEvents;
import io.kasa.service.floor.StreamSink;
import java.util.List;
import java.util.Map;

/**
 * The kitchen (ADR 0053, 0056): sending a check, firing its held courses, the store's stations and
 * routes, and the stations' own event stream (the floor's log, kitchen tickets only) that a
 * terminal printing for stations follows with its terminal credential alone, nobody signed in.
 */
final class KitchenApiRoutes {

  private final Requests req;
  private final Database database;
  private final CloudApp.Floor floor;

  KitchenApiRoutes(Requests req, Database database, CloudApp.Floor floor) {
    this.req = req;
    this.database = database;
    this.floor = floor;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.POST, "/v1/checks/{id}/send", this::send),
        new Route(HandlerType.POST, "/v1/checks/{id}/fire", this::fire),
        new Route(HandlerType.GET, "/v1/kitchen/stations", this::stations),
        new Route(HandlerType.PUT, "/v1/kitchen/stations/{id}", this::putStation),
        new Route(HandlerType.GET, "/v1/kitchen/events", this::events));
  }

  private void send(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, SendResult> sent =
        floor.kitchen().send(who, Requests.pathId(ctx), req.body(ctx, SendRequest.class));
    ctx.status(sent.getKey() ? 201 : 200).json(sent.getValue());
  }

  private void fire(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, SendResult> fired =
        floor.kitchen().fire(who, Requests.pathId(ctx), req.body(ctx, FireRequest.class));
    ctx.status(fired.getKey() ? 201 : 200).json(fired.getValue());
  }

  private void stations(Context ctx) {
    ctx.json(floor.stations().stations(req.terminal(ctx)));
  }

  private void putStation(Context ctx) {
    Principal who = req.employee(ctx);
    Map.Entry<Boolean, KitchenStationDto> put =
        floor.stations().put(who, ctx.pathParam("id"), req.body(ctx, KitchenStationRequest.class));
    ctx.status(put.getKey() ? 201 : 200).json(put.getValue());
  }

  /**
   * The store's kitchen tickets and voids as server-sent events, after {@code Last-Event-ID};
   * without it, a RESET event first whose id is where the stream starts (the station keeps it as
   * its cursor), then the tickets sent from then on.
   */
  private void events(Context ctx) throws Exception {
    Principal who = req.terminal(ctx);
    Requests.eventStreamAccepted(ctx);
    String from = ctx.header("Last-Event-ID");
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
    boolean fresh = from == null;
    new SseHandler(
            client -> {
              if (fresh) {
                StreamSink.reset(client, after);
              }
              Runnable stop =
                  floor
                      .events()
                      .subscribe(
                          who.organisationId(), who.storeId(), after, true, new StreamSink(client));
              client.onClose(stop);
              client.keepAlive();
            })
        .handle(ctx);
  }
}
