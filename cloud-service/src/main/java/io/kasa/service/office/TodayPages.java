package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeTodayDto;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.sales.TodayFigures;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Today screen (issue 22 point 2, ADR 0042): the day so far in each store's time zone against
 * the same day last week, by hour, by store, till, employee and payment, the best sellers, and
 * which tills may still hold sales. Its figures are a fragment the page fetches again every few
 * seconds (htmx polling), so a sale shows without a reload. Everyone signed in reads it, an
 * accountant too; a store outside the account's scope is not found.
 */
final class TodayPages {

  /** How often the page fetches its figures again, in seconds. */
  static final int EVERY_SECONDS = 5;

  private final Screens screens;
  private final TodayFigures figures;

  TodayPages(Screens screens, TodayFigures figures) {
    this.screens = screens;
    this.figures = figures;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/today", ctx -> show(ctx, false)),
        new Page(HandlerType.GET, "/office/today/figures", ctx -> show(ctx, true)));
  }

  private void show(Context ctx, boolean fragment) {
    if (fragment && screens.session(ctx).filter(s -> !s.codeDue()).isEmpty()) {
      // The session ended while the page was open: the whole page goes to sign-in, not the
      // fragment's box.
      ctx.header("HX-Redirect", "/office/sign-in").status(401);
      return;
    }
    OfficeAccount who = screens.signedIn(ctx);
    if (who == null) {
      return;
    }
    View view = screens.view(ctx, who);
    String chosen = ctx.queryParam("store");
    UUID store = null;
    if (chosen != null && !chosen.isBlank()) {
      try {
        store = UUID.fromString(chosen);
      } catch (IllegalArgumentException e) {
        screens.render(ctx, 404, "office/not-found.jte", view);
        return;
      }
    }
    Optional<OfficeTodayDto> today = figures.today(who.organisationId(), who.stores(), store);
    if (today.isEmpty()) {
      screens.render(ctx, 404, "office/not-found.jte", view);
      return;
    }
    TodayModel model = new TodayModel(Words.of(view.lang()), today.get());
    screens.render(
        ctx,
        200,
        fragment ? "office/today-figures.jte" : "office/today.jte",
        view,
        "model",
        model,
        "every",
        EVERY_SECONDS);
  }
}
