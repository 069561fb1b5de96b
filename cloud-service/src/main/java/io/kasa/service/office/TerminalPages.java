package io.kasa.service.office;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import io.kasa.api.terminal.DeviceSetup;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.db.StoreDays;
import io.kasa.service.http.ApiException;
import io.kasa.service.terminals.TerminalDirectory;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Terminals screen (issue 22 point 2, ADR 0045): the terminals of the stores the account may
 * see with their state, last contact, unsent entries and version; a new terminal and its enrollment
 * code (as text and as a QR code); revoking and replacing; the device set-up each backed up, shown
 * and downloadable. An accountant reads; an owner or a manager changes.
 */
public final class TerminalPages {

  /** Times as the other screens show them, in the terminal's store's time zone. */
  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final Screens screens;
  private final TerminalDirectory terminals;

  TerminalPages(Screens screens, TerminalDirectory terminals) {
    this.screens = screens;
    this.terminals = terminals;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/terminals", screens.page(this::list)),
        new Page(HandlerType.POST, "/office/terminals", screens.change(this::create)),
        new Page(HandlerType.GET, "/office/terminals/{id}", screens.page(this::terminal)),
        new Page(HandlerType.POST, "/office/terminals/{id}/revoke", screens.change(this::revoke)),
        new Page(HandlerType.POST, "/office/terminals/{id}/replace", screens.change(this::replace)),
        new Page(
            HandlerType.GET, "/office/terminals/{id}/devices.json", screens.page(this::download)));
  }

  /** A terminal as its template shows it: its facts already in words. */
  public record Row(
      TerminalDirectory.Terminal terminal,
      String state,
      String lastContact,
      String unsent,
      String version,
      String codeExpires) {

    public String id() {
      return terminal.id().toString();
    }

    /** The state's CSS class: enrolled, waiting, expired or revoked. */
    public String stateClass() {
      return terminal.state().name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What the form to create a terminal shows again after a problem. */
  public record Form(String store, String code, String name, String error, String field) {
    static Form empty() {
      return new Form("", "", "", null, null);
    }
  }

  private void list(Context ctx, OfficeAccount who) {
    showList(ctx, who, 200, Form.empty());
  }

  private void showList(Context ctx, OfficeAccount who, int status, Form form) {
    View v = screens.view(ctx, who);
    String done = ctx.queryParam("done");
    screens.render(
        ctx,
        status,
        "office/terminals.jte",
        v,
        "rows",
        terminals.list(who).stream().map(t -> row(v, t)).toList(),
        "stores",
        terminals.stores(who),
        "mayChange",
        who.mayChange(),
        "form",
        form,
        "message",
        "revoked".equals(done) ? v.t("terminals.done.revoked") : null);
  }

  private void create(Context ctx, OfficeAccount who) {
    String store = Optional.ofNullable(ctx.formParam("store")).orElse("");
    String code = Optional.ofNullable(ctx.formParam("code")).orElse("").trim();
    String name = Optional.ofNullable(ctx.formParam("name")).orElse("").trim();
    View v = screens.view(ctx, who);
    UUID storeId = uuid(store);
    String field = null;
    String problem = null;
    if (storeId == null || terminals.stores(who).stream().noneMatch(s -> s.id().equals(storeId))) {
      field = "store";
      problem = "terminals.error.store";
    } else if (TerminalDirectory.codeProblem(code) != null) {
      field = "code";
      problem = TerminalDirectory.codeProblem(code);
    } else if (TerminalDirectory.nameProblem(name) != null) {
      field = "name";
      problem = TerminalDirectory.nameProblem(name);
    }
    if (problem == null) {
      try {
        showCode(ctx, who, 201, terminals.create(who, storeId, code, name));
        return;
      } catch (ApiException e) {
        if (e.status() != 409) {
          throw e;
        }
        field = "code";
        problem = "terminals.error.taken";
      }
    }
    showList(
        ctx,
        who,
        422,
        new Form(store, code, name, v.t(problem, code, TerminalDirectory.maxName()), field));
  }

  private void terminal(Context ctx, OfficeAccount who) {
    Optional<TerminalDirectory.Terminal> t = find(ctx, who);
    if (t.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    View v = screens.view(ctx, who);
    Optional<DeviceSetup> devices = terminals.devices(who, t.get().id());
    String done = ctx.queryParam("done");
    screens.render(
        ctx,
        200,
        "office/terminal.jte",
        v,
        "row",
        row(v, t.get()),
        "devices",
        devices.map(d -> new java.util.TreeMap<>(d.settings())).orElse(null),
        "devicesAt",
        devices
            .map(d -> v.t("terminals.devices.at", time(d.updatedAt(), t.get()), d.version()))
            .orElse(null),
        "mayChange",
        who.mayChange(),
        "message",
        "revoked".equals(done) ? v.t("terminals.done.revoked") : null);
  }

  private void revoke(Context ctx, OfficeAccount who) {
    Optional<TerminalDirectory.Terminal> t = find(ctx, who);
    if (t.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    terminals.revoke(who, t.get().id());
    ctx.redirect("/office/terminals/" + t.get().id() + "?done=revoked", HttpStatus.SEE_OTHER);
  }

  private void replace(Context ctx, OfficeAccount who) {
    Optional<TerminalDirectory.Terminal> t = find(ctx, who);
    if (t.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    showCode(ctx, who, 201, terminals.replace(who, t.get().id()));
  }

  private void download(Context ctx, OfficeAccount who) {
    Optional<TerminalDirectory.Terminal> t = find(ctx, who);
    Optional<DeviceSetup> devices =
        t.isEmpty() ? Optional.empty() : terminals.devices(who, t.get().id());
    if (devices.isEmpty()) {
      notFound(ctx, who);
      return;
    }
    TerminalDirectory.Terminal term = t.get();
    String file = "kasa-devices-" + term.storeCode() + "-" + term.code() + ".json";
    ctx.status(200)
        .header("Cache-Control", "no-store")
        .header("Content-Disposition", "attachment; filename=\"" + file + "\"")
        .json(
            Map.of(
                "terminal",
                term.storeCode() + "-" + term.code(),
                "version",
                devices.get().version(),
                "updatedAt",
                devices.get().updatedAt().toString(),
                "settings",
                new java.util.TreeMap<>(devices.get().settings())));
  }

  private void showCode(
      Context ctx, OfficeAccount who, int status, TerminalDirectory.Enrolment enrolment) {
    View v = screens.view(ctx, who);
    screens.render(
        ctx,
        status,
        "office/terminal-code.jte",
        v,
        "row",
        row(v, enrolment.terminal()),
        "code",
        enrolment.code(),
        "expires",
        time(enrolment.expiresAt(), enrolment.terminal()),
        "qr",
        Qr.svg(enrolment.code(), v.t("terminals.code.qrLabel", enrolment.terminal().name())));
  }

  private Optional<TerminalDirectory.Terminal> find(Context ctx, OfficeAccount who) {
    UUID id = uuid(ctx.pathParam("id"));
    return id == null ? Optional.empty() : terminals.find(who, id);
  }

  private void notFound(Context ctx, OfficeAccount who) {
    screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
  }

  private static Row row(View v, TerminalDirectory.Terminal t) {
    return new Row(
        t,
        v.t("terminals.state." + t.state().name()),
        t.lastContactAt() == null ? v.t("terminals.never") : time(t.lastContactAt(), t),
        t.unsentEntries() == null ? v.t("terminals.notReported") : t.unsentEntries().toString(),
        t.appVersion() == null ? v.t("terminals.notReported") : t.appVersion(),
        t.codeExpiresAt() == null ? null : time(t.codeExpiresAt(), t));
  }

  /** A time as the page shows it, in the store's time zone. */
  private static String time(Instant at, TerminalDirectory.Terminal in) {
    return TIME.format(at.atZone(StoreDays.zone(in.timeZone())));
  }

  private static UUID uuid(String s) {
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
