package io.kasa.service.office;

import static io.kasa.service.office.FilterForm.date;
import static io.kasa.service.office.FilterForm.id;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeAuditEntry;
import io.kasa.api.office.OfficeAuditPage;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.audit.AuditActions;
import io.kasa.service.audit.AuditJournal;
import io.kasa.service.http.ApiException;
import io.kasa.service.office.FilterForm.BadFilter;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Audit screen (issue 22, ADR 0048): the organisation's audit log newest first — overrides,
 * voids, no-sales, sign-ins, drawer alerts, kiosk exits, back-office changes — filtered by days,
 * store, till, employee or office account and kind, and paged by a keyset cursor. Every account
 * reads it; one scoped to some stores sees only their tills' entries.
 */
public final class AuditPages {

  /** The filters' names, as the form and the query string carry them. */
  static final List<String> FILTERS =
      List.of("from", "to", "store", "terminal", "employee", "account", "kind");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm:ss");

  private final Screens screens;
  private final AuditJournal journal;

  AuditPages(Screens screens, AuditJournal journal) {
    this.screens = screens;
    this.journal = journal;
  }

  List<Page> pages() {
    return List.of(new Page(HandlerType.GET, "/office/audit", screens.page(this::list)));
  }

  /**
   * What the log's template reads.
   *
   * @param values the filters as typed, by name
   * @param choices what the selects offer
   * @param kinds the kinds by code, in words
   * @param rows the page's entries
   * @param error what is wrong with a filter, in words, or null
   * @param invalid the name of the filter that is wrong, or null
   * @param older the next (older) page's address, or null
   * @param newest the first page's address when this is a later one, else null
   */
  public record Log(
      Map<String, String> values,
      AuditJournal.Choices choices,
      Map<String, String> kinds,
      List<Row> rows,
      String error,
      String invalid,
      String older,
      String newest) {

    /** Whether any filter is given (or wrong): the filters are shown open. */
    public boolean filtered() {
      return !values.isEmpty() || error != null;
    }

    /** The typed value of filter {@code name}, or "". */
    public String value(String name) {
      return values.getOrDefault(name, "");
    }

    /** Whether {@code id} is the chosen value of select {@code name}. */
    public boolean chosen(String name, String id) {
      return id.equals(values.get(name));
    }
  }

  /**
   * An entry as shown.
   *
   * @param time when, in its store's time zone
   * @param iso the same for {@code <time datetime>}
   * @param where its store and till, or the back office
   * @param who the employee's name or the office account's email, or "" when none
   * @param what the action in words (its key when it has none)
   * @param kind its kind's code, for the style, or "other"
   * @param detail what the log says of it, or ""
   */
  public record Row(
      String time, String iso, String where, String who, String what, String kind, String detail) {}

  private void list(Context ctx, OfficeAccount who) {
    View view = screens.view(ctx, who);
    AuditJournal.Scope scope = new AuditJournal.Scope(who.organisationId(), who.stores());
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FILTERS) {
      String v = ctx.queryParam(name);
      if (v != null && !v.isBlank()) {
        values.put(name, v.strip());
      }
    }
    String cursor = ctx.queryParam("cursor");
    cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    AuditJournal.Filter filter;
    try {
      filter = filter(values);
    } catch (BadFilter e) {
      log(ctx, 400, view, values, scope, List.of(), e.name, null, null);
      return;
    }
    OfficeAuditPage page;
    try {
      page = journal.page(scope, filter, cursor, AuditJournal.PAGE, view.lang());
    } catch (ApiException e) {
      if (e.status() == 404) {
        screens.render(ctx, 404, "office/not-found.jte", view);
        return;
      }
      log(ctx, 400, view, values, scope, List.of(), "cursor", null, null);
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (OfficeAuditEntry e : page.entries()) {
      rows.add(row(view, e));
    }
    String older = page.next() == null ? null : address(values, page.next());
    String newest = cursor == null ? null : address(values, null);
    log(ctx, 200, view, values, scope, rows, null, older, newest);
  }

  private void log(
      Context ctx,
      int status,
      View view,
      Map<String, String> values,
      AuditJournal.Scope scope,
      List<Row> rows,
      String invalid,
      String older,
      String newest) {
    Map<String, String> kinds = new LinkedHashMap<>();
    for (String kind : AuditActions.KINDS) {
      kinds.put(kind, view.t("audit.kind." + kind));
    }
    screens.render(
        ctx,
        status,
        "office/audit.jte",
        view,
        "log",
        new Log(
            values,
            journal.choices(scope),
            kinds,
            rows,
            invalid == null ? null : view.t("audit.bad." + invalid),
            invalid,
            older,
            newest));
  }

  private static Row row(View view, OfficeAuditEntry e) {
    String where;
    if (e.terminal() != null) {
      where =
          e.store() == null ? e.terminal().name() : e.store().name() + " · " + e.terminal().name();
    } else {
      where = view.t("audit.office");
    }
    String who =
        e.officeAccount() != null
            ? e.officeAccount().name()
            : e.employee() != null ? e.employee().name() : "";
    return new Row(
        TIME.format(LocalDateTime.parse(e.localTime())),
        e.at().toString(),
        where,
        who,
        e.what(),
        e.kind() == null ? "other" : e.kind(),
        e.detail() == null ? "" : e.detail());
  }

  /** This screen's address with {@code values} and {@code cursor} (null for the first page). */
  static String address(Map<String, String> values, String cursor) {
    return FilterForm.address("/office/audit", values, cursor);
  }

  /** The log's filter from the form's values; a value that does not read names its field. */
  static AuditJournal.Filter filter(Map<String, String> v) throws BadFilter {
    LocalDate from = date(v, "from");
    LocalDate to = date(v, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw new BadFilter("to");
    }
    String kind = v.get("kind");
    if (kind != null && !AuditActions.KINDS.contains(kind)) {
      throw new BadFilter("kind");
    }
    return new AuditJournal.Filter(
        from, to, id(v, "store"), id(v, "terminal"), id(v, "employee"), id(v, "account"), kind);
  }
}
