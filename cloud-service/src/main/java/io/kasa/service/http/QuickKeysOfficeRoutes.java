package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeQuickKeys;
import io.kasa.api.office.OfficeQuickKeysInput;
import io.kasa.api.office.OfficeQuickKeysKey;
import io.kasa.api.office.OfficeQuickKeysPage;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.catalog.CatalogProblem;
import io.kasa.service.catalog.QuickKeysOffice;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A store's quick-key layout as documented routes (ADR 0052): what the quick-keys page shows and
 * saves. Everyone signed in reads; owners and managers save the whole layout, naming the version
 * they edited (another saved since: 409).
 */
final class QuickKeysOfficeRoutes {

  private final Requests req;
  private final OfficeCaller caller;
  private final QuickKeysOffice quickKeys;

  QuickKeysOfficeRoutes(Requests req, OfficeCaller caller, QuickKeysOffice quickKeys) {
    this.req = req;
    this.caller = caller;
    this.quickKeys = quickKeys;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/catalogue/quick-keys", this::get),
        new Route(HandlerType.PUT, "/v1/office/catalogue/quick-keys", this::put));
  }

  private static UUID store(Context ctx) {
    String s = ctx.queryParam("store");
    if (s == null || s.isBlank()) {
      throw ApiException.badRequest("store is required: the id of the store whose layout it is");
    }
    try {
      return UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("store is a store's id");
    }
  }

  private void get(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    UUID store = store(ctx);
    ctx.json(
        dto(
            quickKeys
                .layout(who.organisationId(), store, who::maySee)
                .orElseThrow(() -> ApiException.notFound("No such store"))));
  }

  private void put(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    // The body first: the document's check of a request with a body covers its parameters too.
    OfficeQuickKeysInput body = req.body(ctx, OfficeQuickKeysInput.class);
    UUID store = store(ctx);
    List<QuickKeysOffice.Page> pages =
        body.pages() == null
            ? null
            : body.pages().stream()
                .map(p -> new QuickKeysOffice.Page(p.title(), p.items()))
                .toList();
    try {
      ctx.json(
          dto(
              quickKeys
                  .save(who.organisationId(), who.id(), store, who::maySee, body.version(), pages)
                  .orElseThrow(() -> ApiException.notFound("No such store"))));
    } catch (CatalogProblem p) {
      throw ApiException.badRequest(p.getMessage());
    } catch (QuickKeysOffice.Stale s) {
      throw ApiException.conflict(
          "quick-keys-stale",
          Map.of("version", Long.toString(s.current())),
          "Someone saved this layout since version "
              + body.version()
              + " (now "
              + s.current()
              + "): read it again and redo the change");
    }
  }

  static OfficeQuickKeys dto(QuickKeysOffice.Layout l) {
    return new OfficeQuickKeys(
        l.store().toString(),
        l.version(),
        l.pages().stream()
            .map(
                p ->
                    new OfficeQuickKeysPage(
                        p.title(),
                        p.keys().stream()
                            .map(
                                k ->
                                    new OfficeQuickKeysKey(
                                        k.item(), k.name(), k.price(), k.active()))
                            .toList()))
            .toList());
  }
}
