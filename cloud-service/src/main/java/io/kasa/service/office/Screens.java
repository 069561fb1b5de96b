package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.accounts.OfficeSignIn;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * What every page class of the back office shares: who is signed in (by the session cookie), the
 * view in their language, rendering a template with its parameters, and the CSRF check of a form. A
 * screen's class holds one and stays about its own screen.
 */
final class Screens {

  /** What a page does for the signed-in account. */
  @FunctionalInterface
  interface SignedIn {
    void handle(Context ctx, OfficeAccount who) throws Exception;
  }

  private final Renderer renderer;
  private final OfficeSignIn signIn;

  Screens(Renderer renderer, OfficeSignIn signIn) {
    this.renderer = renderer;
    this.signIn = signIn;
  }

  /** The signed-in session of this request, if any (whether or not its code is still due). */
  Optional<OfficeSignIn.Session> session(Context ctx) {
    return signIn.session(Cookies.get(ctx, Cookies.SESSION));
  }

  /**
   * The signed-in account, or null after redirecting to the sign-in page. A kitchen account (ADR
   * 0055) reaches the kitchen screen and its own account alone: any other page sends it to the
   * kitchen screen, any other form is refused (403).
   */
  OfficeAccount signedIn(Context ctx) {
    Optional<OfficeSignIn.Session> s = session(ctx);
    if (s.isEmpty() || s.get().codeDue()) {
      ctx.redirect(
          s.isPresent() ? "/office/sign-in/code" : "/office/sign-in", HttpStatus.SEE_OTHER);
      return null;
    }
    OfficeAccount who = s.get().account();
    if (who.kitchenOnly() && !kitchensOwn(ctx.path())) {
      if (ctx.method() == io.javalin.http.HandlerType.GET) {
        ctx.redirect(KITCHEN, HttpStatus.SEE_OTHER);
      } else {
        render(ctx, 403, "office/kitchen-only.jte", view(ctx, who));
      }
      return null;
    }
    return who;
  }

  /** The kitchen screen's path. */
  static final String KITCHEN = "/office/kitchen";

  /** Whether a kitchen account may reach {@code path}: the kitchen screen, its own account. */
  static boolean kitchensOwn(String path) {
    return path.equals(KITCHEN)
        || path.startsWith(KITCHEN + "/")
        || path.equals("/office/account")
        || path.startsWith("/office/account/");
  }

  /**
   * The signed-in account that may change things (an owner or a manager), or null having answered:
   * a redirect to sign in, or 403 for an accountant (who reads, never changes).
   */
  OfficeAccount mayChange(Context ctx) {
    OfficeAccount who = signedIn(ctx);
    if (who != null && !who.mayChange()) {
      render(ctx, 403, "office/read-only.jte", view(ctx, who));
      return null;
    }
    return who;
  }

  /** A page shown to a signed-in account (anyone else is sent to sign in). */
  Handler page(SignedIn h) {
    return ctx -> {
      OfficeAccount who = signedIn(ctx);
      if (who != null) {
        h.handle(ctx, who);
      }
    };
  }

  /** A form's POST by a signed-in account, with its CSRF token. */
  Handler form(SignedIn h) {
    return ctx -> {
      if (!csrf(ctx)) {
        return;
      }
      OfficeAccount who = signedIn(ctx);
      if (who != null) {
        h.handle(ctx, who);
      }
    };
  }

  /** A form's POST that changes the business: CSRF token, and an owner's or a manager's account. */
  Handler change(SignedIn h) {
    return ctx -> {
      if (!csrf(ctx)) {
        return;
      }
      OfficeAccount who = mayChange(ctx);
      if (who != null) {
        h.handle(ctx, who);
      }
    };
  }

  /** The view of a page for {@code who} (null when signed out), in their language. */
  View view(Context ctx, OfficeAccount who) {
    String lang = Office.language(ctx, who == null ? null : who.language());
    return renderer.view(
        ctx,
        lang,
        who == null
            ? null
            : new View.Who(
                who.email(), Words.of(lang).get("role." + who.role()), who.organisationName()),
        who == null ? null : who.role());
  }

  /** Writes {@code template} with {@code view} and the page's parameters as name, value pairs. */
  void render(Context ctx, int status, String template, View view, Object... params) {
    Map<String, Object> p = new HashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      p.put((String) params[i], params[i + 1]);
    }
    renderer.page(ctx, status, template, view, p);
  }

  /** False (having answered 403) when a state-changing request lacks its CSRF token. */
  boolean csrf(Context ctx) {
    if (Csrf.valid(ctx)) {
      return true;
    }
    render(ctx, 403, "office/forbidden.jte", view(ctx, null));
    return false;
  }
}
