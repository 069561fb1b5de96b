package io.kasa.service.office;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.Utf8ByteOutput;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the pages' templates (compiled to classes at build time; nothing is compiled at run time)
 * and builds the {@link View} each is given.
 */
final class Renderer {

  /** The office's screens in the navigation's order: words key and path. */
  static final List<Map.Entry<String, String>> SCREENS =
      List.of(
          Map.entry("nav.today", "/office/today"),
          Map.entry("nav.sales", "/office/sales"),
          Map.entry("nav.catalogue", "/office/catalogue"),
          Map.entry("nav.stock", "/office/stock"),
          Map.entry("nav.staff", "/office/staff"),
          Map.entry("nav.terminals", "/office/terminals"),
          Map.entry("nav.stores", "/office/stores"),
          Map.entry("nav.shifts", "/office/shifts"),
          Map.entry("nav.audit", "/office/audit"),
          Map.entry("nav.kitchen", Screens.KITCHEN));

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(ContentType.Html);
  private final Assets assets;

  Renderer(Assets assets) {
    this.assets = assets;
  }

  Assets assets() {
    return assets;
  }

  /** The view of a page in {@code language} for {@code who} (null when signed out). */
  View view(Context ctx, String language, View.Who who) {
    return view(ctx, language, who, null);
  }

  /**
   * The view of a page in {@code language} for {@code who} (null when signed out) of {@code role}:
   * the kitchen screen is in the navigation of owners and managers; a kitchen account's navigation
   * is the kitchen screen alone (ADR 0055).
   */
  View view(Context ctx, String language, View.Who who, String role) {
    Words words = Words.of(language);
    List<View.NavItem> nav = new ArrayList<>();
    if (who != null) {
      for (Map.Entry<String, String> s : SCREENS) {
        boolean kitchen = s.getValue().equals(Screens.KITCHEN);
        if ("kitchen".equals(role) != kitchen
            && !(kitchen && ("owner".equals(role) || "manager".equals(role)))) {
          continue;
        }
        nav.add(
            new View.NavItem(words.get(s.getKey()), s.getValue(), s.getValue().equals(ctx.path())));
      }
    }
    return new View(words, assets, Csrf.token(Csrf.secret(ctx)), ctx.path(), who, nav);
  }

  /**
   * Writes {@code template} (a path under src/main/jte) with {@code view} and the page's own
   * parameters as an HTML page with {@code status}; pages are never cached.
   */
  void page(Context ctx, int status, String template, View view, Map<String, Object> params) {
    Map<String, Object> all = new HashMap<>(params);
    all.put("view", view);
    Utf8ByteOutput out = new Utf8ByteOutput();
    engine.render(template, all, out);
    ctx.status(status)
        .header("Cache-Control", "no-store")
        .contentType("text/html; charset=utf-8")
        .result(out.toByteArray());
  }
}
