package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import io.kasa.api.catalog.ItemDto;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.catalog.CatalogExport;
import io.kasa.service.catalog.CatalogImport;
import io.kasa.service.catalog.CatalogOffice;
import io.kasa.service.catalog.CatalogProblem;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/**
 * The catalogue screen (ADR 0046): the items a page at a time, searched and filtered; one item to
 * edit, with the tills that have its last change; a new item; deactivating one; a CSV import (all
 * or nothing, every bad row named by its line) and the export it reads back.
 */
public final class CataloguePages {

  static final int PAGE = 50;

  /** An item as a row of the list: the item, its page's address and its price as shown. */
  public record Row(ItemDto item, String href, String price, String modifiers) {}

  /** The fields of the item form as typed, for showing them again with a problem. */
  public record Form(
      String id,
      String sku,
      String name,
      String barcodes,
      String unit,
      String price,
      String taxClass,
      String category,
      boolean active) {
    static Form of(ItemDto i, Currency c) {
      return new Form(
          i.id(),
          i.sku(),
          i.name(),
          String.join(" ", i.barcodes()),
          i.unit(),
          CatalogExport.major(i.price(), c),
          i.taxClass(),
          i.category() == null ? "" : i.category(),
          i.active());
    }
  }

  private final Screens screens;
  private final CatalogOffice catalogue;

  CataloguePages(Screens screens, CatalogOffice catalogue) {
    this.screens = screens;
    this.catalogue = catalogue;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/catalogue", screens.page(this::list)),
        new Page(HandlerType.GET, "/office/catalogue/new", this::newForm),
        new Page(HandlerType.POST, "/office/catalogue/new", screens.change(this::create)),
        new Page(HandlerType.GET, "/office/catalogue/export.csv", screens.page(this::export)),
        new Page(HandlerType.POST, "/office/catalogue/import", screens.change(this::importCsv)),
        // The import's answer is shown at its own address; the language switch comes back there.
        new Page(
            HandlerType.GET,
            "/office/catalogue/import",
            ctx -> ctx.redirect("/office/catalogue", HttpStatus.SEE_OTHER)),
        new Page(HandlerType.GET, "/office/catalogue/items/{id}", screens.page(this::item)),
        new Page(HandlerType.POST, "/office/catalogue/items/{id}", screens.change(this::save)),
        new Page(
            HandlerType.POST,
            "/office/catalogue/items/{id}/active",
            screens.change(this::setActive)));
  }

  static String href(String id) {
    return "/office/catalogue/items/" + URLEncoder.encode(id, StandardCharsets.UTF_8);
  }

  /** The item's modifier groups by name, or a dash. */
  static String modifiers(ItemDto i) {
    return i.modifierGroups().isEmpty()
        ? "—"
        : String.join(", ", i.modifierGroups().stream().map(g -> g.name()).toList());
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.trim();
  }

  private void list(Context ctx, OfficeAccount who) {
    showList(ctx, who, 200, null, List.of());
  }

  /** The list with, after an import, its outcome: a message or the bad rows. */
  /**
   * The price as the till takes it: a fixed price, or an open price typed at the counter within its
   * limits (its stored price is 0 and says nothing).
   */
  private static String price(View v, ItemDto i, Currency currency) {
    if (!i.openPrice()) {
      return v.amount(i.price(), currency);
    }
    if (i.minPrice() == null && i.maxPrice() == null) {
      return v.t("catalogue.openPrice");
    }
    return v.t(
        "catalogue.openPriceRange",
        i.minPrice() == null ? "0" : v.amount(i.minPrice(), currency),
        i.maxPrice() == null ? "∞" : v.amount(i.maxPrice(), currency));
  }

  private void showList(
      Context ctx, OfficeAccount who, int status, String message, List<String> badRows) {
    View v = screens.view(ctx, who);
    String q = param(ctx, "q");
    String category = param(ctx, "category");
    String after = param(ctx, "after");
    Currency currency = catalogue.currency(who.organisationId());
    CatalogOffice.Listed page =
        catalogue.list(who.organisationId(), q, category, after.isEmpty() ? null : after, PAGE);
    List<Row> rows =
        page.items().stream()
            .map(i -> new Row(i, href(i.id()), price(v, i, currency), modifiers(i)))
            .toList();
    String first =
        "/office/catalogue?q="
            + URLEncoder.encode(q, StandardCharsets.UTF_8)
            + "&category="
            + URLEncoder.encode(category, StandardCharsets.UTF_8);
    String next =
        page.next() == null
            ? null
            : first + "&after=" + URLEncoder.encode(page.next(), StandardCharsets.UTF_8);
    screens.render(
        ctx,
        status,
        "office/catalogue.jte",
        v,
        "rows",
        rows,
        "q",
        q,
        "category",
        category,
        "categories",
        catalogue.categories(who.organisationId()),
        "first",
        after.isEmpty() ? null : first,
        "next",
        next,
        "mayChange",
        who.mayChange(),
        "columns",
        String.join(",", CatalogImport.HEADER_WITH_MODIFIERS),
        "currency",
        currency.getCurrencyCode(),
        "message",
        message,
        "badRows",
        badRows);
  }

  private void item(Context ctx, OfficeAccount who) {
    Optional<ItemDto> item = catalogue.item(who.organisationId(), ctx.pathParam("id"));
    if (item.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    Currency c = catalogue.currency(who.organisationId());
    View v = screens.view(ctx, who);
    String saved = "1".equals(ctx.queryParam("saved")) ? v.t("catalogue.saved") : null;
    showItem(ctx, who, 200, item.get(), Form.of(item.get(), c), saved, null, null);
  }

  private void notFound(Context ctx, OfficeAccount who) {
    screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
  }

  private void showItem(
      Context ctx,
      OfficeAccount who,
      int status,
      ItemDto item,
      Form form,
      String message,
      String error,
      String errorField) {
    View v = screens.view(ctx, who);
    CatalogOffice.Reach reach =
        item == null ? null : catalogue.reach(who.organisationId(), item.id(), who::maySee);
    screens.render(
        ctx,
        status,
        "office/catalogue-item.jte",
        v,
        "item",
        item,
        "form",
        form,
        "action",
        item == null ? "/office/catalogue/new" : href(item.id()),
        "reach",
        reach,
        "taxClasses",
        catalogue.taxClasses(who.organisationId()),
        "mayChange",
        who.mayChange(),
        "currency",
        catalogue.currency(who.organisationId()).getCurrencyCode(),
        "message",
        message,
        "error",
        error,
        "errorField",
        errorField,
        "modifiers",
        item == null ? "—" : modifiers(item));
  }

  private void newForm(Context ctx) {
    OfficeAccount who = screens.mayChange(ctx);
    if (who != null) {
      showItem(
          ctx,
          who,
          200,
          null,
          new Form("", "", "", "", "EACH", "", "", "", true),
          null,
          null,
          null);
    }
  }

  private void create(Context ctx, OfficeAccount who) {
    put(ctx, who, true);
  }

  private void save(Context ctx, OfficeAccount who) {
    put(ctx, who, false);
  }

  private void put(Context ctx, OfficeAccount who, boolean create) {
    Optional<ItemDto> existing =
        create ? Optional.empty() : catalogue.item(who.organisationId(), ctx.pathParam("id"));
    if (!create && existing.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    Form form =
        new Form(
            create ? text(ctx, "id") : existing.get().id(),
            text(ctx, "sku"),
            text(ctx, "name"),
            text(ctx, "barcodes"),
            text(ctx, "unit"),
            text(ctx, "price"),
            text(ctx, "taxClass"),
            text(ctx, "category"),
            create || existing.get().active());
    Currency c = catalogue.currency(who.organisationId());
    View v = screens.view(ctx, who);
    try {
      long price = CatalogImport.amount(form.price().replace(',', '.'), "price", c);
      Optional<ItemDto> saved =
          catalogue.put(
              who.organisationId(),
              who.id(),
              new CatalogOffice.Draft(
                  form.id(),
                  form.sku(),
                  form.name(),
                  Arrays.asList(form.barcodes().split("[\\s,]+")),
                  form.unit(),
                  price,
                  form.taxClass(),
                  form.category(),
                  form.active()),
              create);
      if (saved.isEmpty()) {
        notFound(ctx, who);
        return;
      }
      ctx.redirect(href(saved.get().id()) + "?saved=1", HttpStatus.SEE_OTHER);
    } catch (CatalogProblem p) {
      String error = v.t("catalogue.field." + p.field()) + ": " + problem(v, p.code(), p.args());
      showItem(ctx, who, 422, existing.orElse(null), form, null, error, p.field());
    }
  }

  private static String text(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.trim();
  }

  /** A problem in the page's language. */
  static String problem(View v, String code, List<String> args) {
    return v.t("catalogue.problem." + code, args.toArray());
  }

  private void setActive(Context ctx, OfficeAccount who) {
    Optional<ItemDto> found = catalogue.item(who.organisationId(), ctx.pathParam("id"));
    if (found.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    ItemDto i = found.get();
    catalogue.put(
        who.organisationId(),
        who.id(),
        new CatalogOffice.Draft(
            i.id(),
            i.sku(),
            i.name(),
            i.barcodes(),
            i.unit(),
            i.price(),
            i.taxClass(),
            i.category(),
            "true".equals(ctx.formParam("active"))),
        false);
    ctx.redirect(href(i.id()) + "?saved=1", HttpStatus.SEE_OTHER);
  }

  private void importCsv(Context ctx, OfficeAccount who) throws IOException {
    View v = screens.view(ctx, who);
    UploadedFile file = ctx.uploadedFile("file");
    if (file == null || file.size() == 0) {
      showList(ctx, who, 422, null, List.of(v.t("catalogue.import.noFile")));
      return;
    }
    CatalogImport.Result result;
    try (InputStreamReader in = new InputStreamReader(file.content(), StandardCharsets.UTF_8)) {
      result = catalogue.importCsv(who.organisationId(), who.id(), in);
    }
    if (!result.rows().isEmpty()) {
      List<String> bad =
          result.rows().stream()
              .map(
                  r ->
                      v.t(
                          "catalogue.import.line",
                          Integer.toString(r.line()),
                          problem(v, r.code(), r.args())))
              .toList();
      showList(ctx, who, 422, null, bad);
      return;
    }
    showList(ctx, who, 200, v.t("catalogue.import.done", result.imported()), List.of());
  }

  private void export(Context ctx, OfficeAccount who) throws IOException {
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
