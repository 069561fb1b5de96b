package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.kasa.api.office.OfficeStockLevelsPage;
import io.kasa.api.office.OfficeStockMovementsPage;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.shifts.ShiftSheet;
import io.kasa.service.stock.StockOffice;
import io.kasa.service.stock.StockProblem;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Stock screen (issue 22, ADR 0050): a store's items with their stock on hand, reorder level
 * and a low or out mark, searched, filtered to the low ones and paged by item id; one item's
 * movements, newest first with who made each and the stock after it, in the store's time zone; and
 * for an owner or a manager the adjustment form (recorded once by its key) and the reorder level.
 */
public final class StockPages {

  /** The reasons the adjustment form offers, in its order. */
  static final List<String> REASONS = List.of("RECEIVED", "COUNT", "DAMAGE", "THEFT", "CORRECTION");

  /**
   * The adjustment form as typed.
   *
   * @param key the adjustment's key: a repeat of the same form is recorded once
   * @param reason the reason chosen
   * @param quantity the quantity typed
   * @param note the note typed
   */
  public record Form(String key, String reason, String quantity, String note) {}

  private final Screens screens;
  private final StockOffice stock;

  StockPages(Screens screens, StockOffice stock) {
    this.screens = screens;
    this.stock = stock;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/stock", screens.page(this::list)),
        new Page(HandlerType.GET, "/office/stock/{store}/items/{item}", screens.page(this::item)),
        new Page(
            HandlerType.POST,
            "/office/stock/{store}/items/{item}/adjust",
            screens.change(this::adjust)),
        new Page(
            HandlerType.POST,
            "/office/stock/{store}/items/{item}/reorder-level",
            screens.change(this::reorderLevel)));
  }

  static String href(String store, String item) {
    return "/office/stock/" + store + "/items/" + URLEncoder.encode(item, StandardCharsets.UTF_8);
  }

  private static StockOffice.Scope scope(OfficeAccount who) {
    return new StockOffice.Scope(who.organisationId(), who.stores());
  }

  private static String param(Context ctx, String name) {
    String v = ctx.queryParam(name);
    return v == null ? "" : v.strip();
  }

  private void list(Context ctx, OfficeAccount who) {
    View v = screens.view(ctx, who);
    String q = param(ctx, "q");
    boolean low = "1".equals(param(ctx, "low"));
    String after = param(ctx, "after");
    UUID store = null;
    if (!param(ctx, "store").isEmpty()) {
      try {
        store = UUID.fromString(param(ctx, "store"));
      } catch (IllegalArgumentException e) {
        notFound(ctx, who);
        return;
      }
    }
    Optional<OfficeStockLevelsPage> page;
    try {
      page =
          stock.levels(
              scope(who),
              store,
              q.length() > 200 ? q.substring(0, 200) : q,
              low,
              after.isEmpty() ? null : after,
              StockOffice.PAGE);
    } catch (StockOffice.NotFound e) {
      notFound(ctx, who);
      return;
    }
    if (page.isEmpty()) {
      screens.render(
          ctx,
          200,
          "office/stock.jte",
          v,
          "page",
          null,
          "rows",
          List.of(),
          "q",
          q,
          "low",
          low,
          "first",
          null,
          "next",
          null);
      return;
    }
    OfficeStockLevelsPage p = page.get();
    List<StockRows.Row> rows =
        p.levels().stream()
            .map(l -> new StockRows.Row(href(p.store().id(), l.itemId()), StockRows.level(v, l)))
            .toList();
    Map<String, String> values = new LinkedHashMap<>();
    values.put("store", p.store().id());
    if (!q.isEmpty()) {
      values.put("q", q);
    }
    if (low) {
      values.put("low", "1");
    }
    String first = FilterForm.address("/office/stock", values, null);
    String next = null;
    if (p.next() != null) {
      next = first + "&after=" + URLEncoder.encode(p.next(), StandardCharsets.UTF_8);
    }
    screens.render(
        ctx,
        200,
        "office/stock.jte",
        v,
        "page",
        p,
        "rows",
        rows,
        "q",
        q,
        "low",
        low,
        "first",
        after.isEmpty() ? null : first,
        "next",
        next);
  }

  private void item(Context ctx, OfficeAccount who) {
    View v = screens.view(ctx, who);
    String message = null;
    if ("1".equals(ctx.queryParam("adjusted"))) {
      message = v.t("stock.adjusted");
    } else if ("1".equals(ctx.queryParam("level"))) {
      message = v.t("stock.level.saved");
    }
    showItem(
        ctx,
        who,
        200,
        new Form(UUID.randomUUID().toString(), "RECEIVED", "", ""),
        null,
        null,
        message);
  }

  /** The item's page with the form as given and, after a refusal, what is wrong and where. */
  private void showItem(
      Context ctx,
      OfficeAccount who,
      int status,
      Form form,
      String levelTyped,
      StockProblem problem,
      String message) {
    View v = screens.view(ctx, who);
    UUID store = storeId(ctx);
    String before = param(ctx, "before");
    Long b = null;
    if (!before.isEmpty()) {
      try {
        b = Long.valueOf(before);
      } catch (NumberFormatException e) {
        notFound(ctx, who);
        return;
      }
    }
    if (store == null) {
      notFound(ctx, who);
      return;
    }
    OfficeStockMovementsPage page;
    try {
      page = stock.movements(scope(who), store, ctx.pathParam("item"), b, StockOffice.PAGE);
    } catch (StockOffice.NotFound e) {
      notFound(ctx, who);
      return;
    }
    ZoneId zone = ShiftSheet.zone(page.store().timeZone());
    String unit = page.level().unit();
    List<StockRows.Move> moves =
        page.movements().stream().map(m -> StockRows.move(v, m, unit, zone)).toList();
    String self = href(page.store().id(), page.level().itemId());
    String error = null;
    if (problem != null) {
      error =
          v.t("stock.field." + problem.field())
              + ": "
              + v.t(
                  "stock.problem." + problem.code(),
                  // What does not read is said as it was typed (not as the sign put before it).
                  "quantity".equals(problem.field()) && "quantity".equals(problem.code())
                      ? new Object[] {form.quantity()}
                      : problem.args().toArray());
    }
    screens.render(
        ctx,
        status,
        "office/stock-item.jte",
        v,
        "page",
        page,
        "level",
        StockRows.level(v, page.level()),
        "moves",
        moves,
        "self",
        self,
        "older",
        page.next() == null ? null : self + "?before=" + page.next(),
        "newest",
        b == null ? null : self,
        "back",
        FilterForm.address("/office/stock", Map.of("store", page.store().id()), null),
        "form",
        form,
        "reasons",
        REASONS,
        "levelValue",
        levelTyped != null
            ? levelTyped
            : page.level().reorderLevel() == null
                ? ""
                : Quantity.plain(page.level().reorderLevel(), unit, v.lang()),
        "error",
        error,
        "errorField",
        problem == null ? null : problem.field(),
        "message",
        message,
        "mayChange",
        who.mayChange());
  }

  private void adjust(Context ctx, OfficeAccount who) {
    String reason = text(ctx, "reason");
    String typed = text(ctx, "quantity");
    Form form = new Form(text(ctx, "key"), reason, typed, text(ctx, "note"));
    // Damage and theft take stock away: "2" typed against them is two gone.
    String quantity = typed;
    if (("DAMAGE".equals(reason) || "THEFT".equals(reason))
        && !typed.isEmpty()
        && Character.isDigit(typed.charAt(0))) {
      quantity = "-" + typed;
    }
    UUID store = storeId(ctx);
    if (store == null) {
      notFound(ctx, who);
      return;
    }
    try {
      stock.adjust(
          scope(who),
          who.id(),
          store,
          form.key(),
          new StockOffice.Adjustment(ctx.pathParam("item"), reason, quantity, form.note()));
    } catch (StockOffice.NotFound e) {
      notFound(ctx, who);
      return;
    } catch (StockProblem p) {
      // A form whose key was spent on other details gets a fresh key.
      Form again =
          p.field().equals("key")
              ? new Form(UUID.randomUUID().toString(), reason, typed, form.note())
              : form;
      showItem(ctx, who, 422, again, null, p, null);
      return;
    }
    ctx.redirect(
        href(store.toString(), ctx.pathParam("item")) + "?adjusted=1", HttpStatus.SEE_OTHER);
  }

  private void reorderLevel(Context ctx, OfficeAccount who) {
    String typed = text(ctx, "level");
    UUID store = storeId(ctx);
    if (store == null) {
      notFound(ctx, who);
      return;
    }
    try {
      stock.reorderLevel(scope(who), who.id(), store, ctx.pathParam("item"), typed);
    } catch (StockOffice.NotFound e) {
      notFound(ctx, who);
      return;
    } catch (StockProblem p) {
      showItem(
          ctx,
          who,
          422,
          new Form(UUID.randomUUID().toString(), "RECEIVED", "", ""),
          typed,
          p,
          null);
      return;
    }
    ctx.redirect(href(store.toString(), ctx.pathParam("item")) + "?level=1", HttpStatus.SEE_OTHER);
  }

  private static UUID storeId(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("store"));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String text(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.strip();
  }

  private void notFound(Context ctx, OfficeAccount who) {
    screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
  }
}
