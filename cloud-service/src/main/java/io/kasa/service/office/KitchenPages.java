package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.sse.SseHandler;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.floor.KitchenScreen;
import io.kasa.service.floor.StreamSink;
import io.kasa.service.http.ApiException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The kitchen screen (issue 23 point 5, ADR 0055): a store's open tickets for one station or all,
 * oldest first, coloured by age; bump per line and per ticket, recall, all-day counts. The page
 * follows the store's kitchen events through a session-cookie event stream and fetches its board
 * again on each; without script it still shows the tickets and its buttons are plain form posts.
 * Owners, managers and kitchen accounts use it; an accountant does not.
 */
final class KitchenPages {

  private final Screens screens;
  private final KitchenScreen kitchen;

  KitchenPages(Screens screens, KitchenScreen kitchen) {
    this.screens = screens;
    this.kitchen = kitchen;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, Screens.KITCHEN, screens.page((c, w) -> show(c, w, false))),
        new Page(HandlerType.GET, Screens.KITCHEN + "/board", this::board),
        new Page(HandlerType.GET, Screens.KITCHEN + "/events", this::events),
        new Page(HandlerType.POST, Screens.KITCHEN + "/bump", screens.form(this::bump)),
        new Page(HandlerType.POST, Screens.KITCHEN + "/recall", screens.form(this::recall)));
  }

  /** Which store and station a request names, once it is known the account may see them. */
  private record Where(UUID store, String station) {
    String query() {
      return "store="
          + store
          + (station == null
              ? ""
              : "&station=" + URLEncoder.encode(station, StandardCharsets.UTF_8));
    }
  }

  /** The board fragment the page fetches again on each event; 401 once the session ended. */
  private void board(Context ctx) {
    if (screens.session(ctx).filter(s -> !s.codeDue()).isEmpty()) {
      ctx.status(401).header("Cache-Control", "no-store");
      return;
    }
    OfficeAccount who = screens.signedIn(ctx);
    if (who != null) {
      show(ctx, who, true);
    }
  }

  private void show(Context ctx, OfficeAccount who, boolean fragment) {
    View view = screens.view(ctx, who);
    if (!who.mayUseKitchen()) {
      screens.render(ctx, 403, "office/read-only.jte", view);
      return;
    }
    List<KitchenScreen.Store> stores = kitchen.stores(who.organisationId(), who.stores());
    String chosen = ctx.queryParam("store");
    if ((chosen == null || chosen.isBlank()) && stores.size() == 1) {
      chosen = stores.get(0).id().toString();
    }
    if (chosen == null || chosen.isBlank()) {
      screens.render(
          ctx,
          200,
          "office/kitchen-stores.jte",
          view,
          "stores",
          stores,
          "kitchen",
          Screens.KITCHEN);
      return;
    }
    Optional<Where> where = where(ctx, who, chosen);
    Optional<KitchenScreen.Board> board =
        where.flatMap(w -> kitchen.board(who.organisationId(), w.store(), w.station()));
    if (board.isEmpty()) {
      screens.render(ctx, 404, "office/not-found.jte", view);
      return;
    }
    KitchenModel model =
        new KitchenModel(
            view,
            board.get(),
            stores,
            where.get().query(),
            kitchen.last(who.organisationId(), where.get().store()));
    screens.render(
        ctx,
        200,
        fragment ? "office/kitchen-board.jte" : "office/kitchen.jte",
        view,
        "model",
        model);
  }

  /** The store and station named, if {@code who} may see the store. */
  private static Optional<Where> where(Context ctx, OfficeAccount who, String store) {
    UUID id;
    try {
      id = UUID.fromString(store == null ? "" : store.strip());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!who.maySee(id)) {
      return Optional.empty();
    }
    String station = ctx.queryParam("station");
    if (station == null) {
      station = ctx.formParam("station");
    }
    return Optional.of(new Where(id, station == null || station.isBlank() ? null : station));
  }

  /**
   * The store's tickets, voids, bumps and recalls as server-sent events for the page's script, from
   * the event after {@code Last-Event-ID} (a reconnect) or {@code ?after=} (the event the page was
   * drawn at), so nothing between drawing and following is missed.
   */
  private void events(Context ctx) throws Exception {
    if (screens.session(ctx).filter(s -> !s.codeDue()).isEmpty()) {
      ctx.status(401).header("Cache-Control", "no-store");
      return;
    }
    OfficeAccount who = screens.signedIn(ctx);
    if (who == null) {
      return;
    }
    Optional<Where> where = where(ctx, who, ctx.queryParam("store"));
    if (!who.mayUseKitchen()
        || where.isEmpty()
        || kitchen
            .board(who.organisationId(), where.get().store(), where.get().station())
            .isEmpty()) {
      ctx.status(404).header("Cache-Control", "no-store");
      return;
    }
    String from = ctx.header("Last-Event-ID");
    if (from == null) {
      from = ctx.queryParam("after");
    }
    long last = kitchen.last(who.organisationId(), where.get().store());
    long after;
    try {
      after = from == null ? last : Long.parseLong(from.strip());
    } catch (NumberFormatException e) {
      after = -1;
    }
    if (after < 0) {
      ctx.status(400).contentType("text/plain; charset=utf-8").result("after: an event number");
      return;
    }
    long start = after;
    UUID org = who.organisationId();
    UUID store = where.get().store();
    new SseHandler(
            client -> {
              Runnable stop = kitchen.follow(org, store, start, new StreamSink(client));
              client.onClose(stop);
              client.keepAlive();
            })
        .handle(ctx);
  }

  private void bump(Context ctx, OfficeAccount who) {
    act(ctx, who, "bump");
  }

  private void recall(Context ctx, OfficeAccount who) {
    act(ctx, who, "recall");
  }

  /**
   * A bump or a recall, from the page's script (answered 204) or a plain form (sent back to the
   * screen); 404 for a store, ticket or line the account's screen does not show.
   */
  private void act(Context ctx, OfficeAccount who, String what) {
    View view = screens.view(ctx, who);
    if (!who.mayUseKitchen()) {
      screens.render(ctx, 403, "office/read-only.jte", view);
      return;
    }
    Optional<Where> where = where(ctx, who, ctx.formParam("store"));
    UUID ticket = uuid(ctx.formParam("ticket"));
    String lineParam = ctx.formParam("line");
    UUID line = lineParam == null || lineParam.isBlank() ? null : uuid(lineParam);
    if (where.isEmpty()
        || ticket == null
        || (lineParam != null && !lineParam.isBlank() && line == null)) {
      screens.render(ctx, 404, "office/not-found.jte", view);
      return;
    }
    try {
      if (what.equals("bump")) {
        kitchen.bump(who.organisationId(), where.get().store(), ticket, line, who.id());
      } else {
        kitchen.recall(who.organisationId(), where.get().store(), ticket);
      }
    } catch (ApiException e) {
      screens.render(ctx, 404, "office/not-found.jte", view);
      return;
    }
    if (ctx.header("X-Kasa-Fetch") != null) {
      ctx.status(204);
    } else {
      ctx.redirect(Screens.KITCHEN + "?" + where.get().query(), HttpStatus.SEE_OTHER);
    }
  }

  private static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
