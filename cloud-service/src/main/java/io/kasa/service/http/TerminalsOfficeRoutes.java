package io.kasa.service.http;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeTerminalDto;
import io.kasa.api.office.OfficeTerminalEnrollmentDto;
import io.kasa.api.office.OfficeTerminalListDto;
import io.kasa.api.office.OfficeTerminalRequest;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.terminals.TerminalDirectory;
import java.util.List;
import java.util.UUID;

/**
 * The back office's Terminals screen as documented routes (issue 22, ADR 0045): list, create with
 * an enrollment code, one terminal, revoke, replace, and the device set-up it backed up. Read by
 * every account; changed only by an owner or a manager.
 */
final class TerminalsOfficeRoutes {

  private final Requests req;
  private final OfficeCaller caller;
  private final TerminalDirectory terminals;

  TerminalsOfficeRoutes(Requests req, OfficeCaller caller, TerminalDirectory terminals) {
    this.req = req;
    this.caller = caller;
    this.terminals = terminals;
  }

  List<Route> routes() {
    return List.of(
        new Route(HandlerType.GET, "/v1/office/terminals", this::list),
        new Route(HandlerType.POST, "/v1/office/terminals", this::create),
        new Route(HandlerType.GET, "/v1/office/terminals/{id}", this::get),
        new Route(HandlerType.POST, "/v1/office/terminals/{id}/revoke", this::revoke),
        new Route(HandlerType.POST, "/v1/office/terminals/{id}/replace", this::replace),
        new Route(HandlerType.GET, "/v1/office/terminals/{id}/devices", this::devices));
  }

  private void list(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    ctx.json(
        new OfficeTerminalListDto(
            terminals.list(who).stream().map(TerminalsOfficeRoutes::dto).toList()));
  }

  private void create(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    OfficeTerminalRequest body = req.body(ctx, OfficeTerminalRequest.class);
    UUID store;
    try {
      store = UUID.fromString(body.storeId());
    } catch (IllegalArgumentException | NullPointerException e) {
      throw ApiException.invalid("/storeId", "storeId is a store's id");
    }
    ctx.status(201).json(dto(terminals.create(who, store, body.code(), body.name())));
  }

  private void get(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    UUID id = id(ctx);
    ctx.json(
        dto(terminals.find(who, id).orElseThrow(() -> ApiException.notFound("No such terminal"))));
  }

  private void revoke(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    ctx.json(dto(terminals.revoke(who, id(ctx))));
  }

  private void replace(Context ctx) {
    OfficeAccount who = caller.changer(ctx);
    ctx.status(201).json(dto(terminals.replace(who, id(ctx))));
  }

  private void devices(Context ctx) {
    OfficeAccount who = caller.account(ctx);
    ctx.json(
        terminals
            .devices(who, id(ctx))
            .orElseThrow(
                () -> ApiException.notFound("This terminal has no device set-up backed up")));
  }

  /** The terminal of the path; an id that is not a UUID names no terminal. */
  private static UUID id(Context ctx) {
    try {
      return UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      throw ApiException.notFound("No such terminal");
    }
  }

  static OfficeTerminalDto dto(TerminalDirectory.Terminal t) {
    return new OfficeTerminalDto(
        t.id().toString(),
        t.storeId().toString(),
        t.storeCode(),
        t.storeName(),
        t.code(),
        t.name(),
        t.state().name(),
        t.enrolledAt(),
        t.revokedAt(),
        t.codeExpiresAt(),
        t.lastContactAt(),
        t.unsentEntries(),
        t.appVersion(),
        t.devicesBackedUpAt());
  }

  static OfficeTerminalEnrollmentDto dto(TerminalDirectory.Enrolment e) {
    return new OfficeTerminalEnrollmentDto(dto(e.terminal()), e.code(), e.expiresAt());
  }
}
