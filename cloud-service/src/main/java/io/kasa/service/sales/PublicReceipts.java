package io.kasa.service.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.sales.PublicReceipt;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
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
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.service.db.StoreDays;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
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
    Optional<RecordedReceipt> found = RecordedReceipt.read(h, json, where, bind);
    if (found.isEmpty()) {
      return Optional.empty();
    }
    RecordedReceipt recorded = found.get();
    Map<String, String> row = recorded.store();
    String token = recorded.token();
    SaleRequest request = read(recorded.request(), SaleRequest.class);
    SaleRequest withCards = withCards(recorded.tenders(), request);
    Sale sale = SaleRecomputation.replay(withCards, recorded.policy(), recorded.items());
    SaleRecomputation.pay(sale, withCards, withCards.paidAt());
    Locale locale = Locale.forLanguageTag(row.get("locale"));
    ZoneId zone = StoreDays.zone(row.get("time_zone"));
    StoreProfile profile =
        StoreProfile.of(
            row.get("store_name"),
            new StoreIdentity(
                row.get("legal_name"),
                row.get("address"),
                row.get("tax_id"),
                row.get("vat_number"),
                row.get("receipt_header"),
                row.get("receipt_footer")),
            locale,
            zone,
            row.get("public_address"));
    Receipt receipt =
        ReceiptBuilder.forSale(
            sale,
            profile,
            new ReceiptContext(
                ReceiptNumber.parse(request.receiptNumber()),
                request.paidAt(),
                recorded.terminalName(),
                recorded.employeeName(),
                request.offline(),
                token));
    List<PublicReceipt.RefundView> refunds = refunds(recorded.refunds(), sale);
    Instant voidedAt = recorded.voidedAt();
    PublicReceipt view =
        new PublicReceipt(
            token,
            request.receiptNumber(),
            recorded.state(),
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
  private static SaleRequest withCards(Map<UUID, RecordedReceipt.Tender> recorded, SaleRequest r) {
    List<TenderDto> tenders = new ArrayList<>();
    for (TenderDto t : r.tenders()) {
      RecordedReceipt.Tender m =
          recorded.getOrDefault(t.id(), new RecordedReceipt.Tender(null, null));
      String last4 = t.cardLast4() != null ? t.cardLast4() : m.cardLast4();
      String reference =
          "CARD".equals(t.type()) && m.authorisation() != null ? m.authorisation() : t.reference();
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

  private List<PublicReceipt.RefundView> refunds(List<RecordedReceipt.Refund> recorded, Sale sale) {
    List<PublicReceipt.RefundView> out = new ArrayList<>();
    for (RecordedReceipt.Refund m : recorded) {
      RefundRequestDto r = read(m.request(), RefundRequestDto.class);
      out.add(
          new PublicReceipt.RefundView(
              r.receiptNumber(),
              r.at(),
              m.total(),
              r.lines().stream()
                  .map(
                      l ->
                          new PublicReceipt.RefundedLine(
                              sale.line(l.saleLine()).item().name(), l.quantity()))
                  .toList()));
    }
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
