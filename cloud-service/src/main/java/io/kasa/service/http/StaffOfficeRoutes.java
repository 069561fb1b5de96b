package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeStaffEmployee;
import io.kasa.api.office.OfficeStaffList;
import io.kasa.api.office.OfficeStaffPin;
import io.kasa.api.office.OfficeStaffRequest;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.staff.Employee;
import io.kasa.service.staff.NewPin;
import io.kasa.service.staff.Staff;
import io.kasa.service.staff.StaffRules;
import java.util.List;
import java.util.UUID;

/**
 * The staff screen's data and actions as documented routes (ADR 0044): the employees an account may
 * see, a new employee with a PIN shown once, their name, role and stores, a new PIN, dismissal and
 * return. An accountant reads; owners and managers change.
 */
final class StaffOfficeRoutes {

  private final Requests req;
  private final OfficeCaller caller;
  private final Staff staff;

  StaffOfficeRoutes(Requests req, OfficeCaller caller, Staff staff) {
    this.req = req;
    this.caller = caller;
    this.staff = staff;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/staff", this::list),
        new Route(HandlerType.POST, "/v1/office/staff", this::create),
        new Route(HandlerType.GET, "/v1/office/staff/{id}", this::get),
        new Route(HandlerType.PUT, "/v1/office/staff/{id}", this::update),
        new Route(HandlerType.POST, "/v1/office/staff/{id}/deactivate", this::deactivate),
        new Route(HandlerType.POST, "/v1/office/staff/{id}/reactivate", this::reactivate),
        new Route(HandlerType.POST, "/v1/office/staff/{id}/pin", this::resetPin));
  }

  private void list(Context ctx) {
    OfficeAccount a = caller.account(ctx);
    String store = ctx.queryParam("store");
    UUID only;
    try {
      only = store == null ? null : UUID.fromString(store);
    } catch (IllegalArgumentException e) {
      throw ApiException.badRequest("store is a store's id");
    }
    List<OfficeStaffEmployee> employees =
        staff.roster().list(a, only).stream().map(e -> dto(a, e)).toList();
    ctx.json(new OfficeStaffList(employees));
  }

  private void create(Context ctx) {
    OfficeAccount a = caller.changer(ctx);
    OfficeStaffRequest body = req.body(ctx, OfficeStaffRequest.class);
    NewPin created = staff.changes().create(a, body.name(), body.role(), stores(body));
    ctx.status(201).json(pin(a, created));
  }

  private void get(Context ctx) {
    OfficeAccount a = caller.account(ctx);
    ctx.json(dto(a, staff.roster().get(a, employee(ctx))));
  }

  private void update(Context ctx) {
    OfficeAccount a = caller.changer(ctx);
    UUID id = employee(ctx);
    OfficeStaffRequest body = req.body(ctx, OfficeStaffRequest.class);
    ctx.json(dto(a, staff.changes().update(a, id, body.name(), body.role(), stores(body))));
  }

  private void deactivate(Context ctx) {
    OfficeAccount a = caller.changer(ctx);
    ctx.json(dto(a, staff.changes().deactivate(a, employee(ctx))));
  }

  private void reactivate(Context ctx) {
    OfficeAccount a = caller.changer(ctx);
    ctx.json(pin(a, staff.changes().reactivate(a, employee(ctx))));
  }

  private void resetPin(Context ctx) {
    OfficeAccount a = caller.changer(ctx);
    ctx.json(pin(a, staff.changes().resetPin(a, employee(ctx))));
  }

  /** The employee of the path: an id that is not one names nobody (404). */
  private static UUID employee(Context ctx) {
    return Requests.id(ctx, "No such employee");
  }

  private static List<UUID> stores(OfficeStaffRequest body) {
    return body.stores() == null ? null : body.stores().stream().map(UUID::fromString).toList();
  }

  private static OfficeStaffPin pin(OfficeAccount a, NewPin p) {
    return new OfficeStaffPin(dto(a, p.employee()), p.pin());
  }

  static OfficeStaffEmployee dto(OfficeAccount a, Employee e) {
    return new OfficeStaffEmployee(
        e.id().toString(),
        e.name(),
        e.role().name(),
        e.active(),
        e.stores() == null ? null : e.stores().stream().map(UUID::toString).toList(),
        StaffRules.mayChange(a, e));
  }
}
