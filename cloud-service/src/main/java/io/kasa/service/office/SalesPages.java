package io.kasa.service.office;

import static io.kasa.service.office.FilterForm.date;
import static io.kasa.service.office.FilterForm.id;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.kasa.api.office.OfficeSaleRow;
import io.kasa.api.office.OfficeSalesPage;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.http.ApiException;
import io.kasa.service.office.FilterForm.BadFilter;
import io.kasa.service.sales.PublicReceipts;
import io.kasa.service.sales.SalesJournal;
import java.math.BigDecimal;
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
 * The Sales screen (issue 22): the journal of sales, newest first, filtered and paged by a keyset
 * cursor, and each sale's receipt as printed — the customer's page's own article (ADR 0041) — with
 * its PDF. Every account reads it; only its organisation's sales in the stores it may see.
 */
public final class SalesPages {

  /** The filters' names, as the form and the query string carry them. */
  static final List<String> FILTERS =
      List.of("from", "to", "store", "terminal", "employee", "receipt", "min", "max");

  private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final Screens screens;
  private final SalesJournal journal;
  private final ReceiptPage receiptPage;

  SalesPages(Screens screens, SalesJournal journal, ReceiptPage receiptPage) {
    this.screens = screens;
    this.journal = journal;
    this.receiptPage = receiptPage;
  }

  List<Page> pages() {
    return List.of(
        new Page(HandlerType.GET, "/office/sales", screens.page(this::list)),
        new Page(HandlerType.GET, "/office/sales/{id}", screens.page(this::one)),
        new Page(HandlerType.GET, "/office/sales/{id}/pdf", screens.page(this::pdf)));
  }

  /**
   * What the journal's template reads.
   *
   * @param values the filters as typed, by name
   * @param choices what the selects offer
   * @param rows the page's sales
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
   * A sale of the journal as shown.
   *
   * @param href its page
   * @param receiptNumber its number
   * @param time when it was paid, in the receipts' zone
   * @param iso the same for {@code <time datetime>}
   * @param store its store's name
   * @param terminal its till's name
   * @param employee its cashier's name
   * @param state its state, in words
   * @param stateCode its state's code (for the style)
   * @param total its total with the currency's sign
   * @param refunded what its refunds gave back, or null
   */
  public record Row(
      String href,
      String receiptNumber,
      String time,
      String iso,
      String store,
      String terminal,
      String employee,
      String state,
      String stateCode,
      String total,
      String refunded) {}

  /**
   * What the sale's template reads.
   *
   * @param row the sale as the journal shows it
   * @param offline whether it was made offline
   * @param receipt the receipt as the customer's page shows it
   * @param pdf its PDF's address
   * @param customerPage the customer's page, or null when the sale has no token
   */
  public record Sale(
      Row row, boolean offline, ReceiptPage.Model receipt, String pdf, String customerPage) {}

  private void list(Context ctx, OfficeAccount who) {
    View view = screens.view(ctx, who);
    SalesJournal.Scope scope = scope(who);
    Map<String, String> values = new LinkedHashMap<>();
    for (String name : FILTERS) {
      String v = ctx.queryParam(name);
      if (v != null && !v.isBlank()) {
        values.put(name, v.strip());
      }
    }
    String cursor = blankless(ctx.queryParam("cursor"));
    SalesJournal.Filter filter;
    try {
      filter = filter(values);
    } catch (BadFilter e) {
      journal(
          ctx,
          400,
          view,
          values,
          scope,
          List.of(),
          view.t("sales.bad." + e.name),
          e.name,
          null,
          null);
      return;
    }
    OfficeSalesPage page;
    try {
      page = journal.page(scope, filter, cursor, SalesJournal.PAGE);
    } catch (ApiException e) {
      if (e.status() == 404) {
        screens.render(ctx, 404, "office/not-found.jte", view);
        return;
      }
      String name = cursor != null && e.getMessage().contains("cursor") ? "cursor" : "receipt";
      journal(
          ctx, 400, view, values, scope, List.of(), view.t("sales.bad." + name), name, null, null);
      return;
    }
    List<Row> rows = new ArrayList<>();
    for (OfficeSaleRow r : page.sales()) {
      rows.add(row(view, r));
    }
    String older = page.next() == null ? null : address(values, page.next());
    String newest = cursor == null ? null : address(values, null);
    journal(ctx, 200, view, values, scope, rows, null, null, older, newest);
  }

  private void journal(
      Context ctx,
      int status,
      View view,
      Map<String, String> values,
      SalesJournal.Scope scope,
      List<Row> rows,
      String error,
      String invalid,
      String older,
      String newest) {
    screens.render(
        ctx,
        status,
        "office/sales.jte",
        view,
        "journal",
        new Journal(values, journal.choices(scope), rows, error, invalid, older, newest));
  }

  private void one(Context ctx, OfficeAccount who) {
    View view = screens.view(ctx, who);
    Optional<SalesJournal.Detail> found = detail(ctx, who);
    if (found.isEmpty()) {
      screens.render(ctx, 404, "office/not-found.jte", view);
      return;
    }
    SalesJournal.Detail d = found.get();
    PublicReceipts.Found receipt = d.found();
    String token = receipt.view().token();
    screens.render(
        ctx,
        200,
        "office/sale.jte",
        view,
        "sale",
        new Sale(
            row(view, d.row()),
            d.row().offline(),
            receiptPage.model(receipt),
            "/office/sales/" + d.row().id() + "/pdf",
            token == null ? null : "/r/" + token));
  }

  private void pdf(Context ctx, OfficeAccount who) {
    Optional<SalesJournal.Detail> found = detail(ctx, who);
    if (found.isEmpty()) {
      screens.render(ctx, 404, "office/not-found.jte", screens.view(ctx, who));
      return;
    }
    ctx.header("Cache-Control", "no-store")
        .contentType("application/pdf")
        .header(
            "Content-Disposition",
            "inline; filename=\"receipt-" + found.get().row().receiptNumber() + ".pdf\"")
        .result(PublicReceipts.pdf(found.get().found()));
  }

  private Optional<SalesJournal.Detail> detail(Context ctx, OfficeAccount who) {
    UUID id;
    try {
      id = UUID.fromString(ctx.pathParam("id"));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return journal.sale(scope(who), id);
  }

  private static SalesJournal.Scope scope(OfficeAccount who) {
    return new SalesJournal.Scope(who.organisationId(), who.stores());
  }

  private Row row(View view, OfficeSaleRow r) {
    MoneyFormat money = new MoneyFormat(Locale.forLanguageTag(view.lang()));
    Currency currency = Currency.getInstance(r.currency());
    return new Row(
        "/office/sales/" + r.id(),
        r.receiptNumber(),
        TIME.format(r.paidAt().atZone(java.time.ZoneId.of(r.timeZone()))),
        r.paidAt().toString(),
        r.store().name(),
        r.terminal().name(),
        r.employee().name(),
        view.t("sales.state." + r.state()),
        r.state(),
        money.withSymbol(Money.of(r.total(), currency)),
        r.refunded() == 0 ? null : money.withSymbol(Money.of(r.refunded(), currency)));
  }

  /** This screen's address with {@code values} and {@code cursor} (null for the first page). */
  static String address(Map<String, String> values, String cursor) {
    return FilterForm.address("/office/sales", values, cursor);
  }

  private static String blankless(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  /** The journal's filter from the form's values; a value that does not read names its field. */
  static SalesJournal.Filter filter(Map<String, String> v) throws BadFilter {
    LocalDate from = date(v, "from");
    LocalDate to = date(v, "to");
    if (from != null && to != null && to.isBefore(from)) {
      throw new BadFilter("to");
    }
    Long min = amount(v, "min");
    Long max = amount(v, "max");
    if (min != null && max != null && max < min) {
      throw new BadFilter("max");
    }
    String receipt = v.get("receipt");
    if (receipt != null && !receipt.matches("[A-Za-z0-9]{1,16}-[A-Za-z0-9]{1,16}-[0-9]{1,18}")) {
      throw new BadFilter("receipt");
    }
    return new SalesJournal.Filter(
        from, to, id(v, "store"), id(v, "terminal"), id(v, "employee"), receipt, min, max);
  }

  /** An amount typed in the currency's units ("125", "125,50"), in minor units. */
  private static Long amount(Map<String, String> v, String name) throws BadFilter {
    String s = v.get(name);
    if (s == null) {
      return null;
    }
    try {
      BigDecimal units = new BigDecimal(s.replaceAll("[\\s\u00a0]", "").replace(',', '.'));
      if (units.signum() < 0 || units.scale() > 2 || units.compareTo(BigDecimal.TEN.pow(12)) > 0) {
        throw new BadFilter(name);
      }
      return units.movePointRight(2).longValueExact();
    } catch (NumberFormatException | ArithmeticException e) {
      throw new BadFilter(name);
    }
  }
}
