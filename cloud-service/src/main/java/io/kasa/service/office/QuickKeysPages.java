package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.catalog.CatalogProblem;
import io.kasa.service.catalog.QuickKeysOffice;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The register's quick keys arranged for a store (ADR 0052): its pages and their keys as a grid
 * like the register's. Keys and pages are dragged into place (kasa.js) or moved with their earlier
 * and later buttons; items are added by search and keys removed. Every button posts the whole
 * layout as it stands on the page (a draft: nothing is saved until Save), so it all works by
 * keyboard, touch and without script; Save names the version the draft started from, and a stale
 * one shows the draft again with what happened.
 */
public final class QuickKeysPages {

  static final String PATH = "/office/catalogue/quick-keys";

  private static final int FOUND = 12;

  /** A key as drawn: its item, its price as shown and whether the register shows it. */
  public record Key(String item, String name, String price, boolean active) {}

  /**
   * A page of the draft: its token (what its fields are named by), its title and its keys.
   *
   * @param token {@code p0}, {@code p1} … in the draft's order
   * @param title its title as typed
   * @param keys its keys in order
   */
  public record DraftPage(String token, String title, List<Key> keys) {}

  private final Screens screens;
  private final QuickKeysOffice quickKeys;

  QuickKeysPages(Screens screens, QuickKeysOffice quickKeys) {
    this.screens = screens;
    this.quickKeys = quickKeys;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, PATH, screens.page(this::show)),
        new Page(HandlerType.POST, PATH, screens.change(this::edit)));
  }

  /** The store asked for, or the first the account may see; empty if it is none of those. */
  private Optional<QuickKeysOffice.Store> store(String asked, List<QuickKeysOffice.Store> stores) {
    if (asked == null || asked.isBlank()) {
      return stores.stream().findFirst();
    }
    return stores.stream().filter(s -> s.id().toString().equals(asked.trim())).findFirst();
  }

  private void show(Context ctx, OfficeAccount who) {
    List<QuickKeysOffice.Store> stores = quickKeys.stores(who.organisationId(), who::maySee);
    Optional<QuickKeysOffice.Store> store = store(ctx.queryParam("store"), stores);
    if (store.isEmpty()) {
      screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
      return;
    }
    QuickKeysOffice.Layout layout =
        quickKeys.layout(who.organisationId(), store.get().id(), who::maySee).orElseThrow();
    Currency c = quickKeys.currency(who.organisationId());
    View v = screens.view(ctx, who);
    List<DraftPage> pages = new ArrayList<>();
    for (QuickKeysOffice.ShownPage p : layout.pages()) {
      pages.add(
          new DraftPage(
              "p" + pages.size(), p.title(), p.keys().stream().map(k -> key(k, c, v)).toList()));
    }
    String message = "1".equals(ctx.queryParam("saved")) ? v.t("quickKeys.saved") : null;
    render(
        ctx,
        who,
        200,
        stores,
        store.get(),
        layout.version(),
        pages,
        message,
        null,
        "",
        List.of(),
        null,
        false,
        "");
  }

  private static Key key(QuickKeysOffice.Key k, Currency c, View v) {
    return new Key(k.item(), k.name(), v.amount(k.price(), c), k.active());
  }

  private static String text(Context ctx, String name) {
    String v = ctx.formParam(name);
    return v == null ? "" : v.trim();
  }

  /** One of the draft's buttons: the draft read back from the form, changed as asked. */
  private void edit(Context ctx, OfficeAccount who) {
    List<QuickKeysOffice.Store> stores = quickKeys.stores(who.organisationId(), who::maySee);
    Optional<QuickKeysOffice.Store> store = store(ctx.formParam("store"), stores);
    if (store.isEmpty() || ctx.formParam("store") == null) {
      screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
      return;
    }
    long version;
    try {
      version = Long.parseLong(text(ctx, "version"));
    } catch (NumberFormatException e) {
      version = -1;
    }
    // The draft as the form holds it: pages in order, each with its title and its keys' items.
    List<String> titles = new ArrayList<>();
    List<List<String>> items = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    // Tokens in the order the form holds the pages (a page dragged keeps its token).
    List<String> tokens = ctx.formParams("page");
    for (String token : tokens) {
      titles.add(text(ctx, "title-" + token));
      List<String> keys = new ArrayList<>(ctx.formParams("keys-" + token));
      items.add(keys);
      ids.addAll(keys);
    }
    String op = text(ctx, "op");
    String q = text(ctx, "q");
    String target = text(ctx, "target");
    View v = screens.view(ctx, who);
    String focus = null;
    String error = null;
    int status = 200;
    String[] a = op.split(":", 3);
    if (op.equals("enter")) {
      // Enter in a text field: what that field is for.
      op = q.isEmpty() ? (text(ctx, "newPage").isEmpty() ? "" : "add-page") : "search";
      a = new String[] {op};
    }
    switch (a[0]) {
      case "save" -> {
        List<QuickKeysOffice.Page> pages = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
          pages.add(new QuickKeysOffice.Page(titles.get(i), items.get(i)));
        }
        try {
          quickKeys.save(
              who.organisationId(), who.id(), store.get().id(), who::maySee, version, pages);
          ctx.redirect(PATH + "?store=" + store.get().id() + "&saved=1", HttpStatus.SEE_OTHER);
          return;
        } catch (CatalogProblem p) {
          status = 422;
          error =
              v.t(
                  "quickKeys.problem." + p.code().substring("quickKeys.".length()),
                  p.args().toArray());
        } catch (QuickKeysOffice.Stale s) {
          // The draft stays; saving it again now replaces what the other editor saved.
          status = 409;
          error = v.t("quickKeys.stale", s.current());
          version = s.current();
        }
      }
      case "add-page" -> {
        String title = text(ctx, "newPage");
        if (title.isEmpty()) {
          status = 422;
          error = v.t("quickKeys.problem.noTitle");
          focus = "newPage";
        } else {
          titles.add(title);
          items.add(new ArrayList<>());
          focus = "title-p" + (titles.size() - 1);
        }
      }
      case "add" -> {
        int to = tokens.indexOf(target);
        if (to < 0) {
          status = 422;
          error = v.t("quickKeys.noPage");
          focus = "newPage";
        } else if (a.length > 1 && !items.get(to).contains(a[1])) {
          items.get(to).add(a[1]);
          ids.add(a[1]);
          focus = "q";
        }
      }
      case "page-up", "page-down", "page-remove" -> {
        int p = a.length > 1 ? tokens.indexOf(a[1]) : -1;
        if (p >= 0) {
          int to = a[0].equals("page-up") ? p - 1 : p + 1;
          if (a[0].equals("page-remove")) {
            titles.remove(p);
            items.remove(p);
            focus = "newPage";
          } else if (to >= 0 && to < titles.size()) {
            titles.add(to, titles.remove(p));
            items.add(to, items.remove(p));
            // The same button again, unless it is now disabled at the end: then its opposite.
            boolean end = to == 0 || to == titles.size() - 1;
            focus = (end ? (to == 0 ? "page-down" : "page-up") : a[0]) + "-p" + to;
          }
        }
      }
      case "key-up", "key-down", "key-remove" -> {
        // The key by its item (a key dragged on the page has moved from where it was drawn).
        int p = a.length > 1 ? tokens.indexOf(a[1]) : -1;
        int k = p >= 0 && a.length > 2 ? items.get(p).indexOf(a[2]) : -1;
        if (k >= 0) {
          List<String> keys = items.get(p);
          int to = a[0].equals("key-up") ? k - 1 : k + 1;
          if (a[0].equals("key-remove")) {
            keys.remove(k);
            focus = "title-p" + p;
          } else if (to >= 0 && to < keys.size()) {
            keys.add(to, keys.remove(k));
            boolean end = to == 0 || to == keys.size() - 1;
            focus = (end ? (to == 0 ? "key-down" : "key-up") : a[0]) + "-p" + p + "-" + to;
          }
        }
      }
      default -> focus = "q";
    }
    Currency c = quickKeys.currency(who.organisationId());
    Map<String, QuickKeysOffice.Key> known = quickKeys.items(who.organisationId(), ids);
    List<DraftPage> pages = new ArrayList<>();
    for (int i = 0; i < titles.size(); i++) {
      List<Key> keys = new ArrayList<>();
      for (String id : items.get(i)) {
        QuickKeysOffice.Key k = known.get(id);
        keys.add(k == null ? new Key(id, id, "—", false) : key(k, c, v));
      }
      pages.add(new DraftPage("p" + i, titles.get(i), keys));
    }
    boolean searched = a[0].equals("search") || a[0].equals("add");
    List<Key> found =
        searched
            ? quickKeys.find(who.organisationId(), q, FOUND).stream()
                .map(k -> key(k, c, v))
                .toList()
            : List.of();
    if (a[0].equals("search")) {
      focus = found.isEmpty() ? "q" : "add-0";
    }
    // The page items are added to stays chosen; a new page is chosen at once.
    // Tokens are drawn again in order: the chosen page's new token.
    int kept = tokens.indexOf(target);
    String keep = kept < 0 || a[0].startsWith("page-") ? "" : "p" + kept;
    if (a[0].equals("add-page") && error == null) {
      keep = "p" + (titles.size() - 1);
    }
    render(
        ctx,
        who,
        status,
        stores,
        store.get(),
        version,
        pages,
        null,
        error,
        // The search stays only while its results are shown.
        searched ? q : "",
        found,
        focus,
        true,
        keep);
  }

  private void render(
      Context ctx,
      OfficeAccount who,
      int status,
      List<QuickKeysOffice.Store> stores,
      QuickKeysOffice.Store store,
      long version,
      List<DraftPage> pages,
      String message,
      String error,
      String q,
      List<Key> found,
      String focus,
      boolean unsaved,
      String target) {
    screens.render(
        ctx,
        status,
        "office/quick-keys.jte",
        screens.view(ctx, who),
        "stores",
        stores,
        "store",
        store,
        "version",
        version,
        "pages",
        pages,
        "message",
        message,
        "error",
        error,
        "q",
        q,
        "found",
        found,
        "focus",
        focus,
        "unsaved",
        unsaved,
        "target",
        target,
        "mayChange",
        who.mayChange(),
        "maxKeys",
        QuickKeysOffice.MAX_KEYS);
  }
}
