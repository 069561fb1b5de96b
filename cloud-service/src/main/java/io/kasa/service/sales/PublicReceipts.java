package io.kasa.service.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.sales.PublicReceipt;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptBuilder;
import io.kasa.domain.receipt.ReceiptContext;
import io.kasa.domain.receipt.ReceiptLine;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.receipt.ReceiptPayment;
import io.kasa.domain.receipt.ReceiptTextLayout;
import io.kasa.domain.receipt.StoreIdentity;
import io.kasa.domain.receipt.StoreProfile;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.service.db.StoreDays;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The customer's receipt, found by its token alone (ADR 0041): the sale replayed with pos-domain at
 * the rates and tax classes it was sold under and laid out by the same code as the till's printed
 * receipt, with its refunds and post-void. Shows what the printed receipt shows and nothing more:
 * the store's identity, lines, taxes, payments with masked cards, totals, number and time.
 */
public final class PublicReceipts {

  /** The columns the receipt is laid out in: an 80 mm roll's, as most tills print. */
  public static final int COLUMNS = 48;

  /**
   * A receipt found.
   *
   * @param view what the JSON route and the page show
   * @param receipt the receipt as the till builds it, for the PDF
   * @param locale the store's language
   */
  public record Found(PublicReceipt view, Receipt receipt, Locale locale) {}

  /** How many receipt requests a client address may make at once. */
  public static final int BURST = 30;

  /** How many a client address may make each second after the burst. */
  public static final double PER_SECOND = 0.5;

  private final Jdbi jdbi;
  private final ObjectMapper json;
  private final TokenBuckets limits = new TokenBuckets(BURST, PER_SECOND, System::nanoTime);

  /** Receipts show their time in their store's time zone ({@code store.time_zone}). */
  public PublicReceipts(Jdbi jdbi, ObjectMapper json) {
    this.jdbi = jdbi;
    this.json = json;
  }

  /**
   * Admits a request of client address {@code address} to any receipt route (page, PDF, JSON), one
   * token bucket per address: 0 when it may go ahead, else the seconds to wait (Retry-After).
   */
  public long admit(String address) {
    return limits.take(address);
  }

  /** The receipt whose token is {@code token}, once its sale has reached the service. */
  public Optional<Found> find(String token) {
    return jdbi.withHandle(h -> find(h, token));
  }

  /**
   * The receipt of sale {@code sale} of organisation {@code organisation}, token or none, for the
   * back office (which has checked nothing else: the caller scopes it by store).
   */
  public Optional<Found> byId(UUID organisation, UUID sale) {
    return jdbi.withHandle(
        h ->
            find(
                h,
                "s.organisation_id = :org and s.id = :sale",
                q -> q.bind("org", organisation).bind("sale", sale)));
  }

  /**
   * The receipt as a PDF: the printed receipt's lines with its QR code (or its number's barcode),
   * drawn by receipt-pdf as the till draws it.
   */
  public static byte[] pdf(Found found) {
    Receipt receipt = found.receipt();
    try {
      return io.kasa.print.ReceiptPdf.bytes(
          new ReceiptTextLayout(COLUMNS).layout(receipt),
          COLUMNS,
          receipt.qrPayload() == null
              ? new io.kasa.print.ReceiptPdf.Code(
                  io.kasa.print.ReceiptPdf.Code.Kind.CODE128, receipt.barcodePayload())
              : new io.kasa.print.ReceiptPdf.Code(
                  io.kasa.print.ReceiptPdf.Code.Kind.QR, receipt.qrPayload()));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private Optional<Found> find(Handle h, String token) {
    return find(h, "s.receipt_token = :token", q -> q.bind("token", token));
  }

  private Optional<Found> find(
      Handle h, String where, java.util.function.Consumer<org.jdbi.v3.core.statement.Query> bind) {
    org.jdbi.v3.core.statement.Query query =
        h.createQuery(
            "select s.organisation_id, s.receipt_token, s.id, s.state, s.voided_at, s.request::text as request,"
                + " s.offline, st.name as store_name, st.locale, st.public_address,"
                + " st.legal_name, st.address, st.tax_id, st.vat_number, st.receipt_header,"
                + " st.receipt_footer, st.id as store_id, st.time_zone, t.name as terminal_name,"
                + " coalesce(e.name, '') as employee_name"
                + " from sale s join store st on st.organisation_id = s.organisation_id"
                + " and st.id = s.store_id"
                + " join terminal t on t.organisation_id = s.organisation_id"
                + " and t.id = s.terminal_id"
                + " left join employee e on e.organisation_id = s.organisation_id"
                + " and e.id = s.employee_id"
                + " where "
                + where);
    bind.accept(query);
    Optional<Map<String, Object>> found = query.mapToMap().findOne();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> row = found.get();
    String token = (String) row.get("receipt_token");
    UUID org = (UUID) row.get("organisation_id");
    UUID saleId = (UUID) row.get("id");
    UUID store = (UUID) row.get("store_id");
    SaleRequest request = read((String) row.get("request"), SaleRequest.class);
    SalePolicy policy = RefundService.ratesAsSold(h, org, saleId, StorePolicy.load(h, org, store));
    Map<String, CatalogItem> items =
        RefundService.itemsAsSold(
            h,
            org,
            saleId,
            StorePolicy.items(
                h,
                org,
                request.lines().stream().map(l -> l.itemId()).collect(Collectors.toSet()),
                policy.currency()));
    SaleRequest withCards = withCards(h, org, saleId, request);
    Sale sale = SaleRecomputation.replay(withCards, policy, items);
    SaleRecomputation.pay(sale, withCards, withCards.paidAt());
    Locale locale = Locale.forLanguageTag((String) row.get("locale"));
    ZoneId zone = StoreDays.zone((String) row.get("time_zone"));
    StoreProfile profile =
        StoreProfile.of(
            (String) row.get("store_name"),
            new StoreIdentity(
                (String) row.get("legal_name"),
                (String) row.get("address"),
                (String) row.get("tax_id"),
                (String) row.get("vat_number"),
                (String) row.get("receipt_header"),
                (String) row.get("receipt_footer")),
            locale,
            zone,
            (String) row.get("public_address"));
    Receipt receipt =
        ReceiptBuilder.forSale(
            sale,
            profile,
            new ReceiptContext(
                ReceiptNumber.parse(request.receiptNumber()),
                request.paidAt(),
                (String) row.get("terminal_name"),
                (String) row.get("employee_name"),
                request.offline(),
                token));
    List<PublicReceipt.RefundView> refunds = refunds(h, org, saleId, sale);
    Object voided = row.get("voided_at");
    Instant voidedAt =
        voided == null
            ? null
            : voided instanceof java.sql.Timestamp ts
                ? ts.toInstant()
                : ((java.time.OffsetDateTime) voided).toInstant();
    PublicReceipt view =
        new PublicReceipt(
            token,
            request.receiptNumber(),
            (String) row.get("state"),
            locale.toLanguageTag(),
            request.currency(),
            request.paidAt(),
            zone.getId(),
            new PublicReceipt.Store(receipt.storeName(), receipt.header(), receipt.footer()),
            receipt.lines().stream().map(l -> line(l, locale)).toList(),
            new PublicReceipt.Totals(
                receipt.subtotal().minor(),
                receipt.lineDiscounts().plus(receipt.orderDiscount()).minor(),
                receipt.tax().minor(),
                receipt.total().minor(),
                receipt.cashRounding().minor(),
                receipt.change().minor()),
            receipt.taxBreakdown().stream().map(PublicReceipts::tax).toList(),
            receipt.payments().stream().map(PublicReceipts::payment).toList(),
            refunds,
            voidedAt,
            new ReceiptTextLayout(COLUMNS).layout(receipt));
    return Optional.of(new Found(view, receipt, locale));
  }

  /**
   * The request with each card tender's last digits and approval code as the processor gave them (a
   * card the till read itself sends only its token): the receipt prints them, masked.
   */
  private SaleRequest withCards(Handle h, UUID org, UUID saleId, SaleRequest r) {
    Map<UUID, Map<String, Object>> recorded = new HashMap<>();
    h.createQuery(
            "select id, card_last4, authorisation from tender"
                + " where organisation_id = :org and sale_id = :sale")
        .bind("org", org)
        .bind("sale", saleId)
        .mapToMap()
        .forEach(m -> recorded.put((UUID) m.get("id"), m));
    List<TenderDto> tenders = new ArrayList<>();
    for (TenderDto t : r.tenders()) {
      Map<String, Object> m = recorded.getOrDefault(t.id(), Map.of());
      String last4 = t.cardLast4() != null ? t.cardLast4() : (String) m.get("card_last4");
      String reference =
          "CARD".equals(t.type()) && m.get("authorisation") != null
              ? (String) m.get("authorisation")
              : t.reference();
      tenders.add(new TenderDto(t.id(), t.type(), t.amount(), null, reference, last4, t.tip()));
    }
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        r.openedAt(),
        r.paidAt(),
        r.lines(),
        r.orderDiscount(),
        tenders,
        r.totals(),
        r.offline(),
        r.approvalId(),
        r.receiptToken());
  }

  private List<PublicReceipt.RefundView> refunds(Handle h, UUID org, UUID saleId, Sale sale) {
    List<PublicReceipt.RefundView> out = new ArrayList<>();
    h.createQuery(
            "select request::text as request, total from refund"
                + " where organisation_id = :org and sale_id = :sale order by recorded_at, id")
        .bind("org", org)
        .bind("sale", saleId)
        .mapToMap()
        .forEach(
            m -> {
              RefundRequestDto r = read((String) m.get("request"), RefundRequestDto.class);
              out.add(
                  new PublicReceipt.RefundView(
                      r.receiptNumber(),
                      r.at(),
                      ((Number) m.get("total")).longValue(),
                      r.lines().stream()
                          .map(
                              l ->
                                  new PublicReceipt.RefundedLine(
                                      sale.line(l.saleLine()).item().name(), l.quantity()))
                          .toList()));
            });
    return out;
  }

  private static PublicReceipt.Line line(ReceiptLine l, Locale locale) {
    List<PublicReceipt.Extra> extras = new ArrayList<>();
    for (io.kasa.domain.receipt.LineExtras.Row row :
        io.kasa.domain.receipt.LineExtras.rows(l, locale)) {
      extras.add(new PublicReceipt.Extra(row.text(), row.price()));
    }
    if (l.note() != null) {
      extras.add(new PublicReceipt.Extra(l.note(), null));
    }
    return new PublicReceipt.Line(
        l.name(),
        l.quantity().toString(),
        l.unit().name(),
        l.unitPrice().minor(),
        l.discount().minor(),
        l.amount().minor(),
        l.taxLabel(),
        extras);
  }

  private static PublicReceipt.Tax tax(TaxBreakdownLine t) {
    return new PublicReceipt.Tax(
        t.rate().label(),
        t.rate().rate().value().stripTrailingZeros().toPlainString(),
        t.net().minor(),
        t.tax().minor(),
        t.gross().minor());
  }

  private static PublicReceipt.Payment payment(ReceiptPayment p) {
    String card =
        p.card() == null
            ? null
            : (p.card().scheme().isEmpty() ? "" : p.card().scheme() + " ") + p.card().masked();
    return new PublicReceipt.Payment(
        p.type().name(),
        p.amount().minor(),
        card,
        p.approved() ? p.reference() : null,
        p.tip().minor());
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A recorded " + type.getSimpleName() + " does not read", e);
    }
  }
}
