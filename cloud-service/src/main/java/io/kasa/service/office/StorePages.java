package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.kasa.api.office.OfficeStore;
import io.kasa.api.office.OfficeStoreNew;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.admin.StoreOffice;
import io.kasa.service.http.ApiException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The Stores screen (issue 22, ADR 0051): the stores the account may see with their address, time
 * zone and tills, a new store for an owner; one store's settings in sections (legal identity and
 * tax identifiers, address and time zone, receipt header and footer, tax mode and cash rounding,
 * offline cards, discount limits, label layouts), each its own form. An accountant reads; an owner
 * or a manager changes, through the same domain the documented routes and the admin commands use.
 */
public final class StorePages {

  private final Screens screens;
  private final StoreOffice stores;

  StorePages(Screens screens, StoreOffice stores) {
    this.screens = screens;
    this.stores = stores;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/stores", screens.page(this::list)),
        new Page(HandlerType.POST, "/office/stores", screens.change(this::create)),
        new Page(HandlerType.GET, "/office/stores/{id}", screens.page(this::store)),
        new Page(HandlerType.POST, "/office/stores/{id}/{section}", screens.change(this::save)),
        new Page(
            HandlerType.POST,
            "/office/stores/{id}/layouts/{prefix}/remove",
            screens.change(this::removeLayout)));
  }

  /** What the new store form shows (again, after a problem). */
  public record NewStore(
      String code,
      String name,
      String currency,
      String timeZone,
      String taxMode,
      String taxRounding,
      String cashIncrement,
      String field,
      String error) {

    static NewStore empty() {
      return new NewStore(
          "", "", "UAH", "Europe/Kyiv", "INCLUSIVE", "PER_RECEIPT", "0.10", null, null);
    }

    /** "true" for the field a refusal names, else null (no attribute). */
    public String invalid(String name) {
      return name.equals(field) ? "true" : null;
    }
  }

  private void list(Context ctx, OfficeAccount who) {
    showList(ctx, who, 200, NewStore.empty());
  }

  private void showList(Context ctx, OfficeAccount who, int status, NewStore form) {
    screens.render(
        ctx,
        status,
        "office/stores.jte",
        screens.view(ctx, who),
        "rows",
        stores.list(who),
        "mayCreate",
        "owner".equals(who.role()),
        "form",
        form);
  }

  private void create(Context ctx, OfficeAccount who) {
    View v = screens.view(ctx, who);
    NewStore typed =
        new NewStore(
            param(ctx, "code"),
            param(ctx, "name"),
            param(ctx, "currency").strip().toUpperCase(java.util.Locale.ROOT),
            param(ctx, "timeZone"),
            param(ctx, "taxMode"),
            param(ctx, "taxRounding"),
            param(ctx, "cashIncrement"),
            null,
            null);
    if (!"owner".equals(who.role())) {
      screens.render(ctx, 403, "office/read-only.jte", v);
      return;
    }
    try {
      long increment = StoreForm.minor(typed.cashIncrement(), typed.currency(), "/cashIncrement");
      OfficeStore made =
          stores.create(
              who,
              new OfficeStoreNew(
                  typed.code(),
                  typed.name(),
                  typed.currency(),
                  typed.timeZone(),
                  typed.taxMode(),
                  typed.taxRounding(),
                  increment));
      ctx.redirect("/office/stores/" + made.id() + "?done=created", HttpStatus.SEE_OTHER);
    } catch (ApiException e) {
      String field;
      String error;
      if (e.status() == 409) {
        field = "code";
        error = v.t("stores.error.taken", typed.code());
      } else if (e.status() == 422) {
        field = StoreForm.field(e);
        error = v.t("stores.error." + field);
      } else {
        throw e;
      }
      showList(
          ctx,
          who,
          422,
          new NewStore(
              typed.code(),
              typed.name(),
              typed.currency(),
              typed.timeZone(),
              typed.taxMode(),
              typed.taxRounding(),
              typed.cashIncrement(),
              field,
              error));
    }
  }

  private void store(Context ctx, OfficeAccount who) {
    Optional<OfficeStore> s = find(ctx, who);
    if (s.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    show(ctx, who, 200, s.get(), StoreForm.of(s.get()));
  }

  private void show(Context ctx, OfficeAccount who, int status, OfficeStore s, StoreForm form) {
    View v = screens.view(ctx, who);
    String done = ctx.queryParam("done");
    String message =
        "created".equals(done)
            ? v.t("stores.done.created")
            : done != null && StoreForm.SECTIONS.contains(done)
                ? v.t("stores.done.saved", v.t("stores.section." + done))
                : null;
    screens.render(
        ctx,
        status,
        "office/store.jte",
        v,
        "store",
        s,
        "form",
        form,
        "mayChange",
        who.mayChange(),
        "message",
        message);
  }

  private void save(Context ctx, OfficeAccount who) {
    String section = ctx.pathParam("section");
    Optional<OfficeStore> s = find(ctx, who);
    if (s.isEmpty() || !StoreForm.SECTIONS.contains(section)) {
      notFound(ctx, who);
      return;
    }
    try {
      stores.change(
          who, UUID.fromString(s.get().id()), StoreForm.change(s.get(), section, ctx::formParam));
    } catch (ApiException e) {
      if (e.status() != 422) {
        throw e;
      }
      View v = screens.view(ctx, who);
      show(ctx, who, 422, s.get(), StoreForm.of(s.get()).refused(section, ctx::formParam, e, v));
      return;
    }
    ctx.redirect(
        "/office/stores/" + s.get().id() + "?done=" + section + "#" + section,
        HttpStatus.SEE_OTHER);
  }

  private void removeLayout(Context ctx, OfficeAccount who) {
    Optional<OfficeStore> s = find(ctx, who);
    String prefix = ctx.pathParam("prefix");
    if (s.isEmpty()
        || s.get().barcodeLayouts().stream().noneMatch(l -> l.prefix().equals(prefix))) {
      notFound(ctx, who);
      return;
    }
    stores.change(who, UUID.fromString(s.get().id()), StoreForm.without(s.get(), prefix));
    ctx.redirect("/office/stores/" + s.get().id() + "?done=layouts#layouts", HttpStatus.SEE_OTHER);
  }

  private Optional<OfficeStore> find(Context ctx, OfficeAccount who) {
    try {
      return stores.find(who, UUID.fromString(ctx.pathParam("id")));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private void notFound(Context ctx, OfficeAccount who) {
    screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
  }

  private static String param(Context ctx, String name) {
    String value = ctx.formParam(name);
    return value == null ? "" : value.strip();
  }
}
