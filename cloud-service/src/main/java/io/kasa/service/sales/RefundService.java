package io.kasa.service.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.RefundResponse;
import io.kasa.api.sales.SaleRequest;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Percent;
import io.kasa.domain.money.Quantity;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.sale.Refund;
import io.kasa.domain.sale.RefundLine;
import io.kasa.domain.sale.RefundMethod;
import io.kasa.domain.sale.RefundRequest;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.sale.SaleRuleViolation;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRate;
import io.kasa.domain.tender.Tender;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.AuthService;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Secrets;
import io.kasa.service.http.ApiException;
import io.kasa.service.terminals.TerminalTimes;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * Refunds, exactly once per refund id, never more than was sold. The original sale is replayed with
 * pos-domain from its stored request, earlier refunds are applied again, and the new refund is
 * checked and computed by the same code the terminal uses.
 */
public final class RefundService {

  /**
   * The answer.
   *
   * @param created first submission (201) or a repeat (200)
   * @param refund the refund
   */
  public record Outcome(boolean created, RefundResponse refund) {}

  private final Jdbi jdbi;
  private final AuthService auth;
  private final CardRefunds cards;
  private final ObjectMapper json;
  private final Clock clock;

  public RefundService(
      Jdbi jdbi, AuthService auth, PaymentProcessor processor, ObjectMapper json, Clock clock) {
    this.jdbi = jdbi;
    this.auth = auth;
    this.cards = new CardRefunds(processor);
    this.json = json;
    this.clock = clock;
  }

  public Outcome submit(Principal who, String idempotencyKey, RefundRequestDto r) {
    validate(r, idempotencyKey);
    ReceiptNumbers.requireOwn(who, r.receiptNumber(), "/receiptNumber");
    UUID approvedBy =
        auth.managerOrApproval(
            who,
            r.approvingManagerId(),
            r.approvingManagerPin(),
            "A refund needs a manager: sign in as one, or add a manager's approval");
    byte[] hash =
        Secrets.sha256(
            write(
                new RefundRequestDto(
                    r.id(),
                    r.saleId(),
                    r.receiptNumber(),
                    r.lines(),
                    r.method(),
                    r.reason(),
                    r.at(),
                    r.approvingManagerId(),
                    null)));
    return jdbi.inTransaction(
        h -> {
          h.execute(
              "select pg_advisory_xact_lock(hashtextextended(?, 0))",
              who.organisationId() + "/sale/" + r.saleId());
          Optional<Outcome> earlier = existing(h, who, r.id(), hash);
          if (earlier.isPresent()) {
            return earlier.get();
          }
          TerminalTimes.check(who, r.at(), "/at", clock.instant());
          Sale sale = replay(h, who, r.saleId());
          Refund refund;
          try {
            refund =
                sale.refund(
                    r.id(),
                    r.lines().stream()
                        .map(l -> new RefundRequest(l.saleLine(), Quantity.parse(l.quantity())))
                        .toList(),
                    RefundMethod.valueOf(r.method()),
                    r.reason(),
                    r.at());
          } catch (SaleRuleViolation e) {
            throw ApiException.invalid("/lines", e.getMessage());
          } catch (IllegalArgumentException e) {
            throw ApiException.invalid("/lines", e.getMessage());
          }
          RefundResponse response = response(r, refund, sale, clock);
          // The receipt number is checked before any card is paid back, so that a refund refused
          // for it never leaves money returned at the processor.
          receiptFree(h, who, r.receiptNumber());
          cards.payBack(h, who.organisationId(), r.receiptNumber(), refund);
          store(h, who, approvedBy, r, refund, hash, response);
          return new Outcome(true, response);
        });
  }

  /**
   * A receipt number is its terminal's (ADR 0019) and unique there (V16): looked up on the calling
   * terminal, through that unique index, not among every refund of the organisation.
   */
  private static void receiptFree(Handle h, Principal who, String receipt) {
    if (h.createQuery(
            "select 1 from refund where organisation_id = :org and terminal_id = :terminal"
                + " and receipt_number = :receipt")
        .bind("org", who.organisationId())
        .bind("terminal", who.terminalId())
        .bind("receipt", receipt)
        .mapTo(Integer.class)
        .findOne()
        .isPresent()) {
      throw ApiException.conflict("Receipt number " + receipt + " is already used");
    }
  }

  private static void validate(RefundRequestDto r, String key) {
    if (r.id() == null || key == null || !key.equals(r.id().toString())) {
      throw ApiException.invalid("/id", "The Idempotency-Key header must be the refund id");
    }
    if (r.saleId() == null) {
      throw ApiException.invalid("/saleId", "The original sale is required");
    }
    try {
      ReceiptNumber.parse(String.valueOf(r.receiptNumber()));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("/receiptNumber", e.getMessage());
    }
    if (r.lines() == null
        || r.lines().isEmpty()
        || r.lines().size() > 1000
        || r.lines().contains(null)) {
      throw ApiException.invalid("/lines", "A refund has 1 to 1000 lines");
    }
    try {
      RefundMethod.valueOf(String.valueOf(r.method()));
    } catch (IllegalArgumentException e) {
      throw ApiException.invalid("/method", "method is ORIGINAL_TENDERS or CASH");
    }
    if (r.reason() == null || r.reason().isBlank()) {
      throw ApiException.invalid("/reason", "A refund needs a reason");
    }
    if (r.at() == null) {
      throw ApiException.invalid("/at", "A time is required");
    }
  }

  private Optional<Outcome> existing(Handle h, Principal who, UUID id, byte[] hash) {
    return h.createQuery(
            "select request_hash, response::text as response from refund where organisation_id = :org and id = :id")
        .bind("org", who.organisationId())
        .bind("id", id)
        .mapToMap()
        .findOne()
        .map(
            row -> {
              if (!Secrets.same((byte[]) row.get("request_hash"), hash)) {
                throw ApiException.conflict(
                    "Refund " + id + " was already recorded with different contents");
              }
              return new Outcome(false, read((String) row.get("response"), RefundResponse.class));
            });
  }

  /**
   * The store's tax rules with the rates the sale was taxed at: a rate changed since the sale (a
   * new VAT rate) must not change what its refund gives back.
   */
  static SalePolicy ratesAsSold(Handle h, UUID org, UUID saleId, SalePolicy current) {
    Map<String, BigDecimal> recorded = new HashMap<>();
    h.createQuery(
            "select tax_class, rate from sale_tax where organisation_id = :org and sale_id = :sale")
        .bind("org", org)
        .bind("sale", saleId)
        .map((rs, ctx) -> Map.entry(rs.getString("tax_class"), rs.getBigDecimal("rate")))
        .forEach(e -> recorded.put(e.getKey(), e.getValue()));
    return ratesAsSold(current, recorded);
  }

  /**
   * The store's policy {@code current} with the rates {@code recorded} (by tax class, as the sale's
   * {@code sale_tax} rows keep them) it was sold at; the map is emptied.
   */
  static SalePolicy ratesAsSold(SalePolicy current, Map<String, BigDecimal> recorded) {
    List<TaxRate> rates = new ArrayList<>();
    for (TaxRate rate : current.tax().rates()) {
      BigDecimal then = recorded.get(rate.taxClass());
      rates.add(
          then == null ? rate : new TaxRate(rate.taxClass(), rate.label(), new Percent(then)));
      recorded.remove(rate.taxClass());
    }
    // A class removed since the sale still refunds at its rate.
    recorded.forEach((cls, then) -> rates.add(new TaxRate(cls, cls, new Percent(then))));
    TaxPolicy tax =
        new TaxPolicy(
            current.tax().mode(), current.tax().rounding(), current.tax().roundingMode(), rates);
    return new SalePolicy(
        current.currency(), tax, current.cashRounding(), current.amountRounding());
  }

  /** The sold items with the tax class each line was sold under. */
  static Map<String, CatalogItem> itemsAsSold(
      Handle h, UUID org, UUID saleId, Map<String, CatalogItem> current) {
    return itemsAsSold(
        current,
        h.createQuery(
                "select distinct item_id, tax_class from sale_line where organisation_id = :org and sale_id = :sale")
            .bind("org", org)
            .bind("sale", saleId)
            .map((rs, ctx) -> Map.entry(rs.getString("item_id"), rs.getString("tax_class")))
            .list());
  }

  /**
   * The items {@code current} with the tax class each was sold under ({@code classes}: item and
   * class, as the sale's lines keep them).
   */
  static Map<String, CatalogItem> itemsAsSold(
      Map<String, CatalogItem> current, List<Map.Entry<String, String>> classes) {
    Map<String, CatalogItem> out = new HashMap<>(current);
    classes.forEach(
        e ->
            out.computeIfPresent(
                e.getKey(),
                (id, i) ->
                    i.taxClass().equals(e.getValue())
                        ? i
                        : new CatalogItem(
                            i.id(),
                            i.sku(),
                            i.name(),
                            i.barcodes(),
                            i.unit(),
                            i.price(),
                            e.getValue(),
                            i.openPrice(),
                            i.ageRestricted(),
                            i.priceLimits(),
                            i.modifierGroups())));
    return out;
  }

  /** The sale as it stands: rebuilt from its request, with its earlier refunds applied. */
  private Sale replay(Handle h, Principal who, UUID saleId) {
    // The sale's row lock orders this refund with other refunds and a void of the same sale.
    Map<String, Object> row =
        h.createQuery(
                "select state, request::text as request from sale where organisation_id = :org and id = :id for update")
            .bind("org", who.organisationId())
            .bind("id", saleId)
            .mapToMap()
            .findOne()
            .orElseThrow(() -> ApiException.notFound("No sale " + saleId));
    if ("VOIDED".equals(row.get("state"))) {
      throw ApiException.conflict("Sale " + saleId + " was voided; there is nothing to refund");
    }
    SaleRequest request = read((String) row.get("request"), SaleRequest.class);
    SalePolicy policy =
        ratesAsSold(
            h,
            who.organisationId(),
            saleId,
            StorePolicy.load(h, who.organisationId(), who.storeId()));
    Map<String, CatalogItem> items =
        itemsAsSold(
            h,
            who.organisationId(),
            saleId,
            StorePolicy.items(
                h,
                who.organisationId(),
                request.lines().stream().map(l -> l.itemId()).collect(Collectors.toSet()),
                policy.currency()));
    Sale sale = SaleRecomputation.replay(request, policy, items);
    SaleRecomputation.pay(sale, request, request.paidAt());
    for (String earlier :
        h.createQuery(
                "select request::text from refund where organisation_id = :org and sale_id = :sale order by recorded_at, id")
            .bind("org", who.organisationId())
            .bind("sale", saleId)
            .mapTo(String.class)
            .list()) {
      RefundRequestDto r = read(earlier, RefundRequestDto.class);
      sale.refund(
          r.id(),
          r.lines().stream()
              .map(l -> new RefundRequest(l.saleLine(), Quantity.parse(l.quantity())))
              .toList(),
          RefundMethod.valueOf(r.method()),
          r.reason(),
          r.at());
    }
    return sale;
  }

  private static RefundResponse response(
      RefundRequestDto r, Refund refund, Sale sale, Clock clock) {
    List<RefundResponse.PayoutDto> payouts = new ArrayList<>();
    for (Tender p : refund.payouts()) {
      payouts.add(
          new RefundResponse.PayoutDto(
              p.type().name(),
              p.amount().minor(),
              p.reference() == null ? null : UUID.fromString(p.reference())));
    }
    return new RefundResponse(
        r.id(),
        r.saleId(),
        r.receiptNumber(),
        refund.total().minor(),
        refund.tax().minor(),
        refund.cashRounding().minor(),
        payouts,
        sale.state().name(),
        clock.instant());
  }

  private void store(
      Handle h,
      Principal who,
      UUID approvedBy,
      RefundRequestDto r,
      Refund refund,
      byte[] hash,
      RefundResponse response) {
    RefundRequestDto withoutPin =
        new RefundRequestDto(
            r.id(),
            r.saleId(),
            r.receiptNumber(),
            r.lines(),
            r.method(),
            r.reason(),
            r.at(),
            r.approvingManagerId(),
            null);
    int inserted =
        h.createUpdate(
                "insert into refund (organisation_id, id, sale_id, terminal_id, employee_id, approved_by, receipt_number, reason,"
                    + " total, tax, cash_rounding, recorded_at, request_hash, request, response) values (:org, :id, :sale, :terminal,"
                    + " :employee, :approved, :receipt, :reason, :total, :tax, :rounding, :recorded, :hash, cast(:request as jsonb),"
                    + " cast(:response as jsonb)) on conflict do nothing")
            .bind("org", who.organisationId())
            .bind("id", r.id())
            .bind("sale", r.saleId())
            .bind("terminal", who.terminalId())
            .bind("employee", who.employeeId())
            .bind("approved", approvedBy)
            .bind("receipt", r.receiptNumber())
            .bind("reason", r.reason())
            .bind("total", refund.total().minor())
            .bind("tax", refund.tax().minor())
            .bind("rounding", refund.cashRounding().minor())
            .bind("recorded", response.recordedAt().atOffset(ZoneOffset.UTC))
            .bind("hash", hash)
            .bind("request", write(withoutPin))
            .bind("response", write(response))
            .execute();
    if (inserted == 0) {
      throw ApiException.conflict("Receipt number " + r.receiptNumber() + " is already used");
    }
    // Stock comes back as appended moves, like sales take it, to the store the goods came back to.
    Map<String, BigDecimal> back = new TreeMap<>();
    for (RefundLine line : refund.lines()) {
      back.merge(line.item().id(), line.quantity().toDecimal(), BigDecimal::add);
    }
    PreparedBatch moves =
        h.prepareBatch(
            "insert into stock_movement (organisation_id, store_id, item_id, delta, refund_id, reason,"
                + " terminal_id, employee_id) values (:org, :store, :item, :delta, :ref, 'REFUND',"
                + " :terminal, cast(:employee as uuid))");
    for (Map.Entry<String, BigDecimal> e : back.entrySet()) {
      moves
          .bind("org", who.organisationId())
          .bind("store", who.storeId())
          .bind("terminal", who.terminalId())
          .bind("employee", who.employeeId() == null ? null : who.employeeId().toString())
          .bind("item", e.getKey())
          .bind("delta", e.getValue())
          .bind("ref", r.id())
          .add();
    }
    moves.execute();
    for (Tender p : refund.payouts()) {
      h.createUpdate(
              "insert into refund_payout (organisation_id, id, refund_id, type, amount, original_tender)"
                  + " values (:org, :id, :refund, :type, :amount, cast(:original as uuid))")
          .bind("org", who.organisationId())
          .bind("id", p.id())
          .bind("refund", r.id())
          .bind("type", p.type().name())
          .bind("amount", p.amount().minor())
          .bind("original", p.reference())
          .execute();
    }
    h.createUpdate(
            "update sale set state = :state, response = jsonb_set(response, '{state}', to_jsonb(cast(:state as text)))"
                + " where organisation_id = :org and id = :id")
        .bind("state", response.saleState())
        .bind("org", who.organisationId())
        .bind("id", r.saleId())
        .execute();
    Audit.record(
        h, who.organisationId(), who.terminalId(), who.employeeId(), "REFUND", r.receiptNumber());
    if (approvedBy != null && !approvedBy.equals(who.employeeId())) {
      Audit.record(
          h,
          who.organisationId(),
          who.terminalId(),
          approvedBy,
          "OVERRIDE_REFUND",
          r.receiptNumber());
    }
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private <T> T read(String text, Class<T> type) {
    try {
      return json.readValue(text, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored " + type.getSimpleName() + " is unreadable", e);
    }
  }
}
