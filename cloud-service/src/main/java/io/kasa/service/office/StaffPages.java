package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.http.ApiException;
import io.kasa.service.staff.Employee;
import io.kasa.service.staff.NewPin;
import io.kasa.service.staff.Staff;
import io.kasa.service.staff.StaffRules;
import io.kasa.service.staff.StoreRef;
import java.util.List;
import java.util.UUID;

/**
 * The staff screen (ADR 0044): the employees who sign in at the tills, filtered by store; a new
 * employee, their name, role and stores; a new PIN, dismissal and return. A PIN is shown once, on
 * the page that answers the form that made it, and never again. An accountant reads.
 */
final class StaffPages {

  private static final String LIST = "/office/staff";

  private final Screens screens;
  private final Staff staff;

  StaffPages(Screens screens, Staff staff) {
    this.screens = screens;
    this.staff = staff;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, LIST, screens.page(this::list)),
        new Page(HandlerType.GET, LIST + "/new", screens.page(this::newForm)),
        new Page(HandlerType.POST, LIST, screens.change(this::create)),
        new Page(HandlerType.GET, LIST + "/{id}", screens.page(this::employee)),
        new Page(HandlerType.POST, LIST + "/{id}", screens.change(this::update)),
        new Page(HandlerType.POST, LIST + "/{id}/deactivate", screens.change(this::deactivate)),
        new Page(HandlerType.POST, LIST + "/{id}/reactivate", screens.change(this::reactivate)),
        new Page(HandlerType.POST, LIST + "/{id}/pin", screens.change(this::resetPin)));
  }

  private void list(Context ctx, OfficeAccount who) {
    View v = screens.view(ctx, who);
    List<StoreRef> known = staff.roster().stores(who);
    String store = ctx.queryParam("store");
    UUID only = null;
    if (store != null && !store.isEmpty()) {
      only =
          known.stream()
              .map(StoreRef::id)
              .filter(id -> id.toString().equals(store))
              .findFirst()
              .orElse(null);
      if (only == null) {
        notFound(ctx, who);
        return;
      }
    }
    List<StaffScreen.Row> rows =
        staff.roster().list(who, only).stream().map(e -> StaffScreen.row(v, e, known)).toList();
    List<StaffScreen.Choice> filter =
        known.stream()
            .map(
                s ->
                    new StaffScreen.Choice(
                        s.id().toString(), s.name(), s.id().toString().equals(store)))
            .toList();
    screens.render(
        ctx,
        200,
        "office/staff.jte",
        v,
        "rows",
        rows,
        "stores",
        filter,
        "mayChange",
        who.mayChange(),
        "filtered",
        only != null);
  }

  private void newForm(Context ctx, OfficeAccount who) {
    if (!who.mayChange()) {
      // An accountant reads: the list, which says so.
      ctx.redirect(LIST, HttpStatus.SEE_OTHER);
      return;
    }
    View v = screens.view(ctx, who);
    List<StoreRef> known = staff.roster().stores(who);
    // A new employee starts as a cashier, of every store for an account of every store, else of
    // the account's only store when it has one.
    List<String> ticked =
        who.stores() != null && known.size() == 1
            ? List.of(known.get(0).id().toString())
            : List.of();
    StaffScreen.Form form =
        StaffScreen.form(v, who, null, known, "", "CASHIER", who.stores() == null, ticked);
    form(ctx, 200, v, form, null, null);
  }

  private void form(
      Context ctx, int status, View v, StaffScreen.Form form, String error, String message) {
    screens.render(
        ctx,
        status,
        "office/staff-employee.jte",
        v,
        "form",
        form,
        "error",
        error,
        "message",
        message);
  }

  private void create(Context ctx, OfficeAccount who) {
    Typed t = typed(ctx);
    try {
      NewPin p = staff.changes().create(who, t.name(), t.role(), t.stores());
      showPin(ctx, who, p, "created");
    } catch (ApiException e) {
      refused(ctx, who, null, t, e);
    }
  }

  private void employee(Context ctx, OfficeAccount who) {
    Employee e = find(ctx, who);
    if (e == null) {
      return;
    }
    View v = screens.view(ctx, who);
    String done = ctx.queryParam("done");
    String message =
        "saved".equals(done)
            ? v.t("staff.done.saved")
            : "deactivated".equals(done) ? v.t("staff.done.deactivated", e.name()) : null;
    form(ctx, 200, v, StaffScreen.form(v, who, e, staff.roster().stores(who)), null, message);
  }

  private void update(Context ctx, OfficeAccount who) {
    Employee e = find(ctx, who);
    if (e == null) {
      return;
    }
    Typed t = typed(ctx);
    try {
      staff.changes().update(who, e.id(), t.name(), t.role(), t.stores());
      ctx.redirect(LIST + "/" + e.id() + "?done=saved", HttpStatus.SEE_OTHER);
    } catch (ApiException x) {
      refused(ctx, who, e, t, x);
    }
  }

  private void deactivate(Context ctx, OfficeAccount who) {
    act(
        ctx,
        who,
        e -> {
          staff.changes().deactivate(who, e.id());
          ctx.redirect(LIST + "/" + e.id() + "?done=deactivated", HttpStatus.SEE_OTHER);
        });
  }

  private void reactivate(Context ctx, OfficeAccount who) {
    act(ctx, who, e -> showPin(ctx, who, staff.changes().reactivate(who, e.id()), "reactivated"));
  }

  private void resetPin(Context ctx, OfficeAccount who) {
    act(ctx, who, e -> showPin(ctx, who, staff.changes().resetPin(who, e.id()), "reset"));
  }

  private interface Action {
    void run(Employee e);
  }

  /** One of the buttons of an employee's page: checked, done, or refused with the page again. */
  private void act(Context ctx, OfficeAccount who, Action action) {
    Employee e = find(ctx, who);
    if (e == null) {
      return;
    }
    try {
      action.run(e);
    } catch (ApiException x) {
      View v = screens.view(ctx, who);
      Employee now = staff.roster().get(who, e.id());
      form(
          ctx,
          x.status(),
          v,
          StaffScreen.form(v, who, now, staff.roster().stores(who)),
          problem(v, x),
          null);
    }
  }

  /** The page that shows a new PIN, this once: never cached, never shown again. */
  private void showPin(Context ctx, OfficeAccount who, NewPin p, String why) {
    View v = screens.view(ctx, who);
    screens.render(
        ctx,
        "created".equals(why) ? 201 : 200,
        "office/staff-pin.jte",
        v,
        "id",
        p.employee().id().toString(),
        "name",
        p.employee().name(),
        "pin",
        p.pin(),
        "said",
        v.t("staff.pin." + why, p.employee().name()));
  }

  /** The form as typed. */
  private record Typed(
      String name, String role, List<UUID> stores, boolean all, List<String> ticked) {}

  private static Typed typed(Context ctx) {
    boolean all = "yes".equals(ctx.formParam("all"));
    List<String> ticked = ctx.formParams("store");
    List<UUID> stores = null;
    if (!all) {
      stores =
          ticked.stream()
              .map(
                  s -> {
                    try {
                      return UUID.fromString(s);
                    } catch (IllegalArgumentException e) {
                      // Not a store's id: named as nothing, refused as an unknown store.
                      return new UUID(0, 0);
                    }
                  })
              .toList();
    }
    return new Typed(ctx.formParam("name"), ctx.formParam("role"), stores, all, ticked);
  }

  /** The form again, with what was typed and why it was refused; 404 for nobody to change. */
  private void refused(Context ctx, OfficeAccount who, Employee e, Typed t, ApiException x) {
    View v = screens.view(ctx, who);
    StaffScreen.Form form =
        StaffScreen.form(
            v,
            who,
            e,
            staff.roster().stores(who),
            t.name() == null ? "" : t.name(),
            t.role(),
            t.all(),
            t.ticked());
    int status = x.status() == 404 ? 422 : x.status();
    form(ctx, status, v, form, problem(v, x), null);
  }

  /** Why the service refused, in the page's words. */
  private static String problem(View v, ApiException x) {
    String type = x.problem().type();
    String key = "staff.problem." + type.substring(type.lastIndexOf('/') + 1);
    try {
      return v.t(key, StaffRules.MAX_NAME);
    } catch (java.util.MissingResourceException unknown) {
      return v.t("staff.problem.other");
    }
  }

  /** The employee of the path the account may see, or null having answered 404. */
  private Employee find(Context ctx, OfficeAccount who) {
    try {
      return staff.roster().get(who, UUID.fromString(ctx.pathParam("id")));
    } catch (IllegalArgumentException | ApiException e) {
      notFound(ctx, who);
      return null;
    }
  }

  private void notFound(Context ctx, OfficeAccount who) {
    screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
  }
}
