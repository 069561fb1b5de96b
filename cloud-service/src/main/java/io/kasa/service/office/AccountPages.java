package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.accounts.OfficeAccounts;
import io.kasa.service.accounts.OfficeSignIn;
import io.kasa.service.accounts.Passwords;
import io.kasa.service.accounts.Totp;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;

/**
 * The pages of signing in and of one's own account (ADR 0040): sign-in with its TOTP step,
 * sign-out, setting a password through a link, the account page (language, TOTP), and the office's
 * home.
 */
final class AccountPages {

  private final Screens screens;
  private final OfficeAccounts accounts;
  private final OfficeSignIn signIn;

  AccountPages(Screens screens, OfficeAccounts accounts, OfficeSignIn signIn) {
    this.screens = screens;
    this.accounts = accounts;
    this.signIn = signIn;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/", screens.page(this::home)),
        new Page(HandlerType.GET, "/office/sign-in", this::signInForm),
        new Page(HandlerType.POST, "/office/sign-in", this::signIn),
        new Page(HandlerType.GET, "/office/sign-in/code", this::codeForm),
        new Page(HandlerType.POST, "/office/sign-in/code", this::code),
        new Page(HandlerType.POST, "/office/sign-out", this::signOut),
        new Page(HandlerType.GET, "/office/password/{token}", this::passwordForm),
        new Page(HandlerType.POST, "/office/password/{token}", this::setPassword),
        new Page(HandlerType.GET, "/office/account", screens.page(this::account)),
        new Page(HandlerType.POST, "/office/account/language", screens.form(this::language)),
        new Page(HandlerType.POST, "/office/account/totp", screens.form(this::startTotp)),
        new Page(HandlerType.POST, "/office/account/totp/confirm", screens.form(this::confirmTotp)),
        new Page(HandlerType.POST, "/office/account/totp/off", screens.form(this::totpOff)));
  }

  /** The signed-in session of this request, if any (whether or not its code is still due). */
  Optional<OfficeSignIn.Session> session(Context ctx) {
    return screens.session(ctx);
  }

  private View view(Context ctx, OfficeAccount who) {
    return screens.view(ctx, who);
  }

  private void render(Context ctx, int status, String template, View view, Object... params) {
    screens.render(ctx, status, template, view, params);
  }

  private boolean csrf(Context ctx) {
    return screens.csrf(ctx);
  }

  private void home(Context ctx, OfficeAccount who) {
    View v = view(ctx, who);
    render(ctx, 200, "office/home.jte", v, "account", who, "stores", storesText(v, who));
  }

  private static String storesText(View v, OfficeAccount who) {
    return who.stores() == null
        ? v.t("account.allStores")
        : v.t("account.someStores", who.stores().size());
  }

  private void signInForm(Context ctx) {
    Optional<OfficeSignIn.Session> s = session(ctx);
    if (s.isPresent() && !s.get().codeDue()) {
      ctx.redirect("/office/", HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, 200, "office/sign-in.jte", view(ctx, null), "error", null, "email", "");
  }

  private void signIn(Context ctx) {
    if (!csrf(ctx)) {
      return;
    }
    String email = ctx.formParam("email");
    OfficeSignIn.Result r = signIn.signIn(email, ctx.formParam("password"), ctx.ip());
    switch (r.outcome()) {
      case SIGNED_IN, CODE_NEEDED -> {
        Cookies.set(ctx, Cookies.SESSION, r.token(), -1);
        ctx.redirect(
            r.outcome() == OfficeSignIn.Outcome.SIGNED_IN ? "/office/" : "/office/sign-in/code",
            HttpStatus.SEE_OTHER);
      }
      default -> signInRefused(ctx, r, email == null ? "" : email);
    }
  }

  private void signInRefused(Context ctx, OfficeSignIn.Result r, String email) {
    View v = view(ctx, null);
    String error =
        switch (r.outcome()) {
          case LOCKED -> v.t("signIn.locked", time(r.lockedUntil()));
          case ADDRESS_LOCKED -> v.t("signIn.addressLocked", time(r.lockedUntil()));
          default -> v.t("signIn.wrong");
        };
    int status =
        switch (r.outcome()) {
          case LOCKED -> 423;
          case ADDRESS_LOCKED -> 429;
          default -> 401;
        };
    render(ctx, status, "office/sign-in.jte", v, "error", error, "email", email);
  }

  /** A lockout's end as the page says it: hours and minutes, UTC. */
  private static String time(Instant until) {
    return DateTimeFormatter.ofPattern("HH:mm 'UTC'").withZone(ZoneId.of("UTC")).format(until);
  }

  private void codeForm(Context ctx) {
    Optional<OfficeSignIn.Session> s = session(ctx);
    if (s.isEmpty() || !s.get().codeDue()) {
      ctx.redirect(s.isPresent() ? "/office/" : "/office/sign-in", HttpStatus.SEE_OTHER);
      return;
    }
    render(ctx, 200, "office/code.jte", view(ctx, null), "error", null);
  }

  private void code(Context ctx) {
    if (!csrf(ctx)) {
      return;
    }
    OfficeSignIn.Result r =
        signIn.secondFactor(Cookies.get(ctx, Cookies.SESSION), ctx.formParam("code"), ctx.ip());
    View v = view(ctx, null);
    switch (r.outcome()) {
      case SIGNED_IN -> {
        Cookies.set(ctx, Cookies.SESSION, r.token(), -1);
        ctx.redirect("/office/", HttpStatus.SEE_OTHER);
      }
      case WRONG -> {
        if (session(ctx).isEmpty()) {
          ctx.redirect("/office/sign-in", HttpStatus.SEE_OTHER);
        } else {
          render(ctx, 401, "office/code.jte", v, "error", v.t("code.wrong"));
        }
      }
      default -> {
        Cookies.clear(ctx, Cookies.SESSION);
        signInRefused(ctx, r, "");
      }
    }
  }

  private void signOut(Context ctx) {
    if (!csrf(ctx)) {
      return;
    }
    signIn.signOut(Cookies.get(ctx, Cookies.SESSION));
    Cookies.clear(ctx, Cookies.SESSION);
    ctx.redirect("/office/sign-in", HttpStatus.SEE_OTHER);
  }

  private void passwordForm(Context ctx) {
    Optional<OfficeAccount> a = accounts.linkAccount(ctx.pathParam("token"));
    View v = view(ctx, null);
    if (a.isEmpty()) {
      render(ctx, 404, "office/link-expired.jte", v);
      return;
    }
    render(ctx, 200, "office/password.jte", v, "email", a.get().email(), "error", null);
  }

  private void setPassword(Context ctx) {
    if (!csrf(ctx)) {
      return;
    }
    String token = ctx.pathParam("token");
    View v = view(ctx, null);
    Optional<OfficeAccount> a = accounts.linkAccount(token);
    if (a.isEmpty()) {
      render(ctx, 404, "office/link-expired.jte", v);
      return;
    }
    String password = ctx.formParam("password");
    String problem = Passwords.problem(password);
    if (problem == null && !password.equals(ctx.formParam("repeat"))) {
      problem = "password.different";
    }
    if (problem != null) {
      render(
          ctx,
          422,
          "office/password.jte",
          v,
          "email",
          a.get().email(),
          "error",
          v.t(problem, Passwords.MIN_LENGTH));
      return;
    }
    if (!accounts.setPassword(token, password)) {
      render(ctx, 404, "office/link-expired.jte", v);
      return;
    }
    Cookies.clear(ctx, Cookies.SESSION);
    render(ctx, 200, "office/password-set.jte", v);
  }

  private void account(Context ctx, OfficeAccount who) {
    View v = view(ctx, who);
    String done = ctx.queryParam("done");
    String message =
        done != null && List.of("totp-on", "totp-off", "language").contains(done)
            ? v.t("account.done." + done)
            : null;
    render(
        ctx,
        200,
        "office/account.jte",
        v,
        "account",
        who,
        "stores",
        storesText(v, who),
        "message",
        message,
        "error",
        null);
  }

  private void language(Context ctx, OfficeAccount who) {
    String lang = ctx.formParam("language");
    if (!Words.speaks(lang)) {
      ctx.redirect("/office/account", HttpStatus.SEE_OTHER);
      return;
    }
    accounts.setLanguage(who, lang);
    Cookies.set(ctx, Cookies.LANGUAGE, lang, 365L * 24 * 3600);
    ctx.redirect("/office/account?done=language", HttpStatus.SEE_OTHER);
  }

  private void startTotp(Context ctx, OfficeAccount who) {
    totpSetup(ctx, who, accounts.startTotp(who), 200, null);
  }

  private void totpSetup(Context ctx, OfficeAccount who, byte[] key, int status, String error) {
    View v = view(ctx, who);
    String uri = Totp.uri(OfficeAccounts.TOTP_ISSUER, who.email(), key);
    render(
        ctx,
        status,
        "office/totp.jte",
        v,
        "qr",
        Qr.svg(uri, v.t("totp.qrLabel")),
        "key",
        Totp.base32(key).replaceAll("(.{4})(?!$)", "$1 "),
        "uri",
        uri,
        "error",
        error);
  }

  private void confirmTotp(Context ctx, OfficeAccount who) {
    if (accounts.confirmTotp(who, ctx.formParam("code"))) {
      ctx.redirect("/office/account?done=totp-on", HttpStatus.SEE_OTHER);
      return;
    }
    Optional<byte[]> key = accounts.pendingTotp(who);
    if (key.isEmpty()) {
      ctx.redirect("/office/account", HttpStatus.SEE_OTHER);
      return;
    }
    totpSetup(ctx, who, key.get(), 422, view(ctx, who).t("code.wrong"));
  }

  private void totpOff(Context ctx, OfficeAccount who) {
    if (accounts.disableTotp(who, ctx.formParam("code"))) {
      ctx.redirect("/office/account?done=totp-off", HttpStatus.SEE_OTHER);
      return;
    }
    View v = view(ctx, who);
    render(
        ctx,
        422,
        "office/account.jte",
        v,
        "account",
        who,
        "stores",
        storesText(v, who),
        "message",
        null,
        "error",
        v.t("code.wrong"));
  }
}
