package io.kasa.service.office;

import static io.kasa.service.office.FilterForm.date;
import static io.kasa.service.office.FilterForm.id;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeShift;
import io.kasa.api.office.OfficeShiftRow;
import io.kasa.api.office.OfficeShiftsPage;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.http.ApiException;
import io.kasa.service.office.FilterForm.BadFilter;
import io.kasa.service.sales.SalesJournal;
import io.kasa.service.shifts.ShiftJournal;
import io.kasa.service.shifts.ShiftSheet;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The Shifts screen (issue 22, ADR 0049): every shift, newest first, filtered and paged by a keyset
 * cursor as the Sales journal is, and each shift's X or Z figures — the till's own report, labelled
 * in the till's report words — with its cash movements and a PDF of the same. Every account reads
 * it; only its organisation's shifts in the stores it may see.
 */
public final class ShiftsPages {

  /** The filters' names, as the form and the query string carry them. */
  static final List<String> FILTERS = List.of("from", "to", "store", "terminal", "state");

  static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final Screens screens;
  private final ShiftJournal journal;
  private final SalesJournal sales;

  ShiftsPages(Screens screens, ShiftJournal journal, SalesJournal sales) {
    this.screens = screens;
    this.journal = journal;
    this.sales = sales;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/shifts", screens.page(this::list)),
        new Page(HandlerType.GET, "/office/shifts/{id}", screens.page(this::one)),
        new Page(HandlerType.GET, "/office/shifts/{id}/pdf", screens.page(this::pdf)));
  }

  /**
   * What the list's template reads.
   *
   * @param values the filters as typed, by name
   * @param choices the stores and tills the selects offer (the Sales journal's)
   * @param rows the page's shifts
   * @param error what is wrong with a filter, in words, or null
   * @param invalid the name of the filter that is wrong, or null
   * @param older the next (older) page's address, or null
   * @param newest the first page's address when this is a later one, else null
   */
  public record Journal(
      Map<String, String> values,
      SalesJournal.Choices choices,
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
   * A shift as listed.
   *
   * @param href its page
   * @param number its number
   * @param store its store's name
   * @param terminal its till's name
   * @param opened when it opened, in its store's zone
   * @param openedIso the same for {@code <time datetime>}
   * @param openedBy who opened it
   * @param closed when it closed, or null while open
   * @param closedIso the same, or null
   * @param closedBy who closed it, or null
   * @param state its state, in words
   * @param stateCode OPEN or CLOSED (for the style)
   * @param salesTotal its sales total with the currency's sign
   * @param overShort its over/short with its sign and word, or the words for not counted yet
   * @param overShortCode over, short, even or none (for the colour)
   */
  public record Row(
      String href,
      String number,
      String store,
      String terminal,
      String opened,
      String openedIso,
      String openedBy,
      String closed,
      String closedIso,
      String closedBy,
      String state,
      String stateCode,
      String salesTotal,
      String overShort,
      String overShortCode) {}

  private void list(Context ctx, OfficeAccount who) {
    View view = screens.view(ctx, who);
    ShiftJournal.Scope scope = scope(who);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FILTERS) {
      String v = ctx.queryParam(name);
      if (v != null && !v.isBlank()) {
        values.put(name, v.strip());
      }
    }
    String cursor = ctx.queryParam("cursor");
    cursor = cursor == null || cursor.isBlank() ? null : cursor.strip();
    ShiftJournal.Filter filter;
    try {
      filter = filter(values);
    } catch (BadFilter e) {
      journal(ctx, 400, view, values, scope, List.of(), e.name, null, null);
      return;
    }
    OfficeShiftsPage page;
    try {
      page = journal.page(scope, filter, cursor, ShiftJournal.PAGE);
    } catch (ApiException e) {
      if (e.status() == 404) {
        screens.render(ctx, 404, "office/not-found.jte", view);
        return;
      }
      journal(ctx, 400, view, values, scope, List.of(), "cursor", null, null);
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (OfficeShiftRow r : page.shifts()) {
      rows.add(row(view, r));
    }
    String older = page.next() == null ? null : address(values, page.next());
    String newest = cursor == null ? null : address(values, null);
    journal(ctx, 200, view, values, scope, rows, null, older, newest);
  }

  private void journal(
      Context ctx,
      int status,
      View view,
      Map<String, String> values,
      ShiftJournal.Scope scope,
      List<Row> rows,
      String invalid,
      String older,
      String newest) {
    screens.render(
        ctx,
        status,
        "office/shifts.jte",
        view,
        "journal",
        new Journal(
            values,
            sales.choices(new SalesJournal.Scope(scope.organisation(), scope.stores())),
            rows,
            invalid == null ? null : view.t("shifts.bad." + invalid),
            invalid,
            older,
            newest));
  }

  private void one(Context ctx, OfficeAccount who) {
    View view = screens.view(ctx, who);
    Optional<OfficeShift> found = detail(ctx, who);
    if (found.isEmpty()) {
      screens.render(ctx, 404, "office/not-found.jte", view);
      return;
    }
    screens.render(
        ctx,
        200,
        "office/shift.jte",
        view,
        "sheet",
        ShiftFigures.sheet(view, found.get(), row(view, found.get().shift())));
  }

  private void pdf(Context ctx, OfficeAccount who) {
    View view = screens.view(ctx, who);
    Optional<OfficeShift> found = detail(ctx, who);
    if (found.isEmpty()) {
      screens.render(ctx, 404, "office/not-found.jte", view);
      return;
    }
    ctx.header("Cache-Control", "no-store")
        .contentType("application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"shift-" + found.get().shift().number() + ".pdf\"")
        .result(journal.pdf(found.get(), who.email(), view.lang()));
  }

  private Optional<OfficeShift> detail(Context ctx, OfficeAccount who) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return journal.shift(scope(who), id);
  }

  private static ShiftJournal.Scope scope(OfficeAccount who) {
    return new ShiftJournal.Scope(who.organisationId(), who.stores());
  }

  static Row row(View view, OfficeShiftRow r) {
    MoneyFormat money = new MoneyFormat(Locale.forLanguageTag(view.lang()));
    Currency currency = Currency.getInstance(r.currency());
    java.time.ZoneId zone = ShiftSheet.zone(r.timeZone());
    String overShort;
    String code;
    if (r.overShort() == null) {
      overShort = view.t("shifts.notYet");
      code = "none";
    } else {
      long os = r.overShort();
      code = os > 0 ? "over" : os < 0 ? "short" : "even";
      overShort =
          (os > 0 ? "+" : os < 0 ? "−" : "")
              + money.withSymbol(Money.of(Math.abs(os), currency))
              + " ("
              + view.t("shifts." + code)
              + ")";
    }
    return new Row(
        "/office/shifts/" + r.id(),
        r.number(),
        r.store().name(),
        r.terminal().name(),
        time(r.openedAt(), zone),
        r.openedAt().toString(),
        r.openedBy().name(),
        r.closedAt() == null ? null : time(r.closedAt(), zone),
        r.closedAt() == null ? null : r.closedAt().toString(),
        r.closedBy() == null ? null : r.closedBy().name(),
        view.t("shifts.state." + r.state()),
        r.state(),
        money.withSymbol(Money.of(r.salesTotal(), currency)),
        overShort,
        code);
  }

  private static String time(Instant at, java.time.ZoneId zone) {
    return TIME.format(at.atZone(zone));
  }

  /** This screen's address with {@code values} and {@code cursor} (null for the first page). */
  static String address(Map<String, String> values, String cursor) {
    return FilterForm.address("/office/shifts", values, cursor);
  }

  /** The filter from the form's values; a value that does not read names its field. */
  static ShiftJournal.Filter filter(Map<String, String> v) throws BadFilter {
    LocalDate from = date(v, "from");
    LocalDate to = date(v, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw new BadFilter("to");
    }
    String state = v.get("state");
    ShiftJournal.State s = null;
    if (state != null) {
      try {
        s = ShiftJournal.State.valueOf(state.toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new BadFilter("state");
      }
    }
    return new ShiftJournal.Filter(from, to, id(v, "store"), id(v, "terminal"), s);
  }
}
