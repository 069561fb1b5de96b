package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.Problem;
import io.kasa.api.catalog.ItemDto;
import io.kasa.api.office.OfficeCatalogueImportResult;
import io.kasa.api.office.OfficeCatalogueItemDetail;
import io.kasa.api.office.OfficeCatalogueItemInput;
import io.kasa.api.office.OfficeCatalogueItemPage;
import io.kasa.api.office.OfficeCatalogueTill;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.catalog.CatalogImport;
import io.kasa.service.catalog.CatalogOffice;
import io.kasa.service.catalog.CatalogProblem;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The back office's catalogue as documented routes (ADR 0046): what the catalogue screen shows and
 * does, for scripts, with a bearer token. Everyone signed in reads; owners and managers change.
 */
final class CatalogueOfficeRoutes {

  private final Requests req;
  private final CatalogOffice catalogue;
  private final OfficeCaller caller;

  CatalogueOfficeRoutes(Requests req, CatalogOffice catalogue, OfficeCaller caller) {
    this.req = req;
    this.catalogue = catalogue;
    this.caller = caller;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/catalogue/items", this::list),
        new Route(HandlerType.POST, "/v1/office/catalogue/items", this::create),
        new Route(HandlerType.GET, "/v1/office/catalogue/items/{id}", this::get),
        new Route(HandlerType.PUT, "/v1/office/catalogue/items/{id}", this::update),
        new Route(HandlerType.POST, "/v1/office/catalogue/import", this::importCsv),
        new Route(HandlerType.GET, "/v1/office/catalogue/export", this::exportCsv));
  }

  private void list(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    Integer limit = Requests.intParam(ctx, "limit");
    for (String[] p : new String[][] {{"q", "200"}, {"category", "100"}, {"after", "64"}}) {
      String v = ctx.queryParam(p[0]);
      if (v != null && v.length() > Integer.parseInt(p[1])) {
        throw ApiException.badRequest(p[0] + " is at most " + p[1] + " characters");
      }
    }
    try {
      CatalogOffice.Listed page =
          catalogue.list(
              who.organisationId(),
              ctx.queryParam("q"),
              ctx.queryParam("category"),
              ctx.queryParam("after"),
              limit == null ? 50 : limit);
      ctx.json(new OfficeCatalogueItemPage(page.items(), page.next()));
    } catch (CatalogProblem p) {
      throw invalid(p);
    }
  }

  private void get(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    String id = ctx.pathParam("id");
    ItemDto item =
        catalogue
            .item(who.organisationId(), id)
            .orElseThrow(() -> ApiException.notFound("No item " + id));
    CatalogOffice.Reach reach = catalogue.reach(who.organisationId(), id, who::maySee);
    ctx.json(
        new OfficeCatalogueItemDetail(
            item,
            reach.change(),
            reach.applied(),
            reach.tills().stream()
                .map(
                    t ->
                        new OfficeCatalogueTill(
                            t.id().toString(),
                            t.code(),
                            t.name(),
                            t.store(),
                            t.applied(),
                            t.seen()))
                .toList()));
  }

  private void create(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    OfficeCatalogueItemInput body = req.body(ctx, OfficeCatalogueItemInput.class);
    ItemDto item = put(who, body.id(), body, true);
    ctx.status(201).header("Location", "/v1/office/catalogue/items/" + item.id()).json(item);
  }

  private void update(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    OfficeCatalogueItemInput body = req.body(ctx, OfficeCatalogueItemInput.class);
    ctx.json(put(who, ctx.pathParam("id"), body, false));
  }

  private ItemDto put(OfficeAccount who, String id, OfficeCatalogueItemInput body, boolean create) {
    CatalogOffice.Draft draft =
        new CatalogOffice.Draft(
            id,
            body.sku(),
            body.name(),
            body.barcodes(),
            body.unit(),
            body.price(),
            body.taxClass(),
            body.category(),
            body.active() == null || body.active());
    try {
      return catalogue
          .put(who.organisationId(), who.id(), draft, create)
          .orElseThrow(() -> ApiException.notFound("No item " + id));
    } catch (CatalogProblem p) {
      if (p.code().equals("idTaken")) {
        throw ApiException.conflict(p.getMessage());
      }
      throw invalid(p);
    }
  }

  /** A problem of one field, pointed at as the JSON body names it. */
  private static ApiException invalid(CatalogProblem p) {
    String field = p.field().equals("tax_class") ? "taxClass" : p.field();
    return ApiException.invalid("/" + field, p.getMessage());
  }

  private void importCsv(Context ctx) throws IOException {
    OfficeAccount who = caller.changer(ctx);
    String type = ctx.contentType();
    if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
      throw new ApiException(
          415,
          "unsupported-media-type",
          "Unsupported media type",
          "Send the catalogue as text/csv (UTF-8)",
          null);
    }
    CatalogImport.Result result =
        catalogue.importCsv(
            who.organisationId(),
            who.id(),
            new InputStreamReader(ctx.req().getInputStream(), StandardCharsets.UTF_8));
    if (!result.rows().isEmpty()) {
      throw new ApiException(
          422,
          "catalogue-import-rejected",
          "The file has bad rows",
          result.rows().size() + " bad rows (each named by its line): nothing was imported",
          result.rows().stream()
              .map(r -> new Problem.FieldError("/lines/" + r.line(), r.message()))
              .toList());
    }
    ctx.json(new OfficeCatalogueImportResult(result.imported()));
  }

  private void exportCsv(Context ctx) throws IOException {
    OfficeAccount who = caller.account(ctx);
    ctx.contentType("text/csv; charset=utf-8")
        .header("Content-Disposition", "attachment; filename=\"catalogue.csv\"")
        .header("Cache-Control", "no-store");
    Writer out =
        new java.io.BufferedWriter(
            new OutputStreamWriter(ctx.res().getOutputStream(), StandardCharsets.UTF_8), 1 << 16);
    catalogue.exportCsv(who.organisationId(), out);
    out.flush();
  }
}
