package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeStoreChange;
import io.kasa.api.office.OfficeStoreList;
import io.kasa.api.office.OfficeStoreNew;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.admin.StoreOffice;
import java.util.List;
import java.util.UUID;

/**
 * The back office's Stores screen as documented routes (issue 22, ADR 0051): the stores the account
 * may see, a new store (owners), one store's settings, and a partial change of them (PATCH: what
 * the body names changes, the rest stays). Read by every account; changed only by an owner or a
 * manager, never across organisations or outside an account's stores.
 */
final class StoreOfficeRoutes {

  private final Requests req;
  private final OfficeCaller caller;
  private final StoreOffice stores;

  StoreOfficeRoutes(Requests req, OfficeCaller caller, StoreOffice stores) {
    this.req = req;
    this.caller = caller;
    this.stores = stores;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/stores", this::list),
        new Route(HandlerType.POST, "/v1/office/stores", this::create),
        new Route(HandlerType.GET, "/v1/office/stores/{id}", this::get),
        new Route(HandlerType.PATCH, "/v1/office/stores/{id}", this::change));
  }

  private void list(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    ctx.json(new OfficeStoreList(stores.list(who)));
  }

  private void create(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    OfficeStoreNew body = req.body(ctx, OfficeStoreNew.class);
    ctx.status(201).json(stores.create(who, body));
  }

  private void get(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    ctx.json(stores.find(who, id(ctx)).orElseThrow(() -> ApiException.notFound("No such store")));
  }

  private void change(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    UUID id = id(ctx);
    OfficeCaller.requireStore(who, id);
    OfficeStoreChange body = req.body(ctx, OfficeStoreChange.class);
    ctx.json(stores.change(who, id, body));
  }

  /** The store of the path; an id that is not a UUID names no store. */
  private static UUID id(Context ctx) {
    return Requests.id(ctx, "No such store");
  }
}
