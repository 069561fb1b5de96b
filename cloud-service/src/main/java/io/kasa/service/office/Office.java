package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.service.accounts.OfficeAccounts;
import io.kasa.service.accounts.OfficeSignIn;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The back office's pages and assets (ADR 0039), registered by the application beside the API's
 * routes but apart from them. Each area of pages is a class returning its {@link Page}s; this one
 * assembles them, adds the shared ones (assets, the language switch, the not-found page) and says
 * which security headers every response carries.
 */
public final class Office {

  /** The Content Security Policy of every response: nothing inline, nothing from elsewhere. */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'self';"
          + " connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none';"
          + " form-action 'self'";

  private final Renderer renderer;
  private final ReceiptPage receiptPage;
  private final List<Page> pages;

  /**
   * @param accounts the accounts
   * @param signIn signing in
   * @param screens each screen's reads and changes, the same the documented routes use
   */
  public Office(OfficeAccounts accounts, OfficeSignIn signIn, OfficeServices screens) {
    List<Page> all = new ArrayList<>();
    this.renderer = new Renderer(new Assets());
    this.receiptPage = new ReceiptPage(renderer.assets());
    Screens shared = new Screens(renderer, signIn);
    all.addAll(new AccountPages(shared, accounts, signIn).pages());
    // Each screen's pages: one line per area, in the navigation's order.
    all.addAll(new TodayPages(shared, screens.today()).pages());
    all.addAll(new SalesPages(shared, screens.sales(), receiptPage).pages());
    all.addAll(new CataloguePages(shared, screens.catalogue()).pages());
    all.addAll(new StockPages(shared, screens.stock()).pages());
    all.addAll(new StaffPages(shared, screens.staff()).pages());
    all.addAll(new TerminalPages(shared, screens.terminals()).pages());
    all.addAll(new StorePages(shared, screens.stores()).pages());
    all.addAll(new ShiftsPages(shared, screens.shifts(), screens.sales()).pages());
    all.addAll(new AuditPages(shared, screens.audit()).pages());
    all.addAll(new QuickKeysPages(shared, screens.quickKeys()).pages());
    all.addAll(new KitchenPages(shared, screens.kitchen()).pages());
    all.add(new Page(HandlerType.GET, Assets.PREFIX + "{digest}/{name}", renderer.assets()::serve));
    all.add(new Page(HandlerType.POST, "/office/language", this::switchLanguage));
    all.add(new Page(HandlerType.GET, "/office", ctx -> ctx.redirect("/office/")));
    // Last, so every page above is matched first.
    all.add(new Page(HandlerType.GET, "/office/<rest>", this::notFound));
    this.pages = List.copyOf(all);
    Set<String> shown =
        pages.stream()
            .filter(p -> p.method() == HandlerType.GET)
            .map(Page::path)
            .collect(Collectors.toSet());
    for (Map.Entry<String, String> screen : Renderer.SCREENS) {
      if (!shown.contains(screen.getValue())) {
        throw new IllegalStateException("the navigation names a screen with no page: " + screen);
      }
    }
  }

  /** Every page and asset route, in the order they are matched. */
  public List<Page> pages() {
    return pages;
  }

  /** The customer's receipt page (ADR 0041), on the office's stylesheet and policy. */
  public ReceiptPage receiptPage() {
    return receiptPage;
  }

  /**
   * The headers every response carries: the strict CSP, no MIME sniffing, no referrer sent to other
   * sites, no framing.
   */
  public static void secureHeaders(Context ctx) {
    ctx.header("Content-Security-Policy", CONTENT_SECURITY_POLICY);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "same-origin");
    ctx.header("X-Frame-Options", "DENY");
  }

  /**
   * The language of a page: this browser's last choice (the switch on every page, or the account
   * page, which also saves it on the account), else the account's choice when signed in, else the
   * browser's Accept-Language, else Ukrainian.
   */
  static String language(Context ctx, String accountLanguage) {
    String chosen = ctx.cookie(Cookies.LANGUAGE);
    if (Words.speaks(chosen)) {
      return chosen;
    }
    if (Words.speaks(accountLanguage)) {
      return accountLanguage;
    }
    String accepted = Words.fromAcceptLanguage(ctx.header("Accept-Language"));
    return accepted != null ? accepted : Words.LANGUAGES.get(0);
  }

  /** The language switch: a form with the CSRF token, remembered in a cookie. */
  private void switchLanguage(Context ctx) {
    if (!Csrf.valid(ctx)) {
      forbidden(ctx);
      return;
    }
    String lang = ctx.formParam("lang");
    if (!Words.speaks(lang)) {
      ctx.status(400).contentType("text/plain; charset=utf-8").result("Unknown language");
      return;
    }
    Cookies.set(ctx, Cookies.LANGUAGE, lang, 365L * 24 * 3600);
    ctx.redirect(localPath(ctx.formParam("back")), io.javalin.http.HttpStatus.SEE_OTHER);
  }

  /**
   * {@code back} when it is a path of the back office on this host, else the office's home: a
   * redirect never leads to another site.
   */
  static String localPath(String back) {
    if (back == null || !back.startsWith("/") || back.startsWith("//") || back.contains("\\")) {
      return "/office/";
    }
    try {
      URI u = new URI(back);
      if (u.getScheme() != null || u.getRawAuthority() != null) {
        return "/office/";
      }
    } catch (java.net.URISyntaxException e) {
      return "/office/";
    }
    return back;
  }

  private void notFound(Context ctx) {
    View view = renderer.view(ctx, language(ctx, null), null);
    renderer.page(ctx, 404, "office/not-found.jte", view, Map.of());
  }

  /** A state-changing request without the right CSRF token. */
  void forbidden(Context ctx) {
    View view = renderer.view(ctx, language(ctx, null), null);
    renderer.page(ctx, 403, "office/forbidden.jte", view, Map.of());
  }
}
