package io.kasa.service.sales;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.Problem;
import io.kasa.api.sales.CardAuthorisationRequest;
import io.kasa.api.sales.CardAuthorisationResponse;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.SaleResponse;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TenderResultDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.sale.LineTotals;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SaleLine;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.sale.SaleTotals;
import io.kasa.domain.tax.TaxBreakdownLine;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.auth.Secrets;
import io.kasa.service.db.Invalidations;
import io.kasa.service.discounts.DiscountAudit;
import io.kasa.service.http.ApiException;
import io.kasa.service.terminals.TerminalTimes;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.IntConsumer;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;

/**
 * Records sales exactly once, in one write (ADR 0014) shared with the sales submitted meanwhile
 * (ADR 0015). The store's rules and the items come from memory while they are current (ADR 0016).
 * The write inserts the sale unless its id exists, so of two submissions racing each other exactly
 * one is recorded, and the other, like any repeat, gets the first one's stored answer. No
 * connection is held while a card is authorised.
 */
public final class SalesService implements AutoCloseable {

  /**
   * The answer to a submission.
   *
   * @param created true for the first submission (201), false for a repeat (200)
   * @param sale the recorded sale
   */
  public record Outcome(boolean created, SaleResponse sale) {}

  private final Jdbi jdbi;
  private final SaleCatalog catalog;
  private final SaleWriter writer;
  private final PaymentProcessor processor;
  private final OfflineCardDelivery offlineCards;
  private final DeclinedCards declinedCards;
  private final ObjectMapper json;
  private final Clock clock;

  public SalesService(
      Jdbi jdbi,
      DataSource pool,
      int writers,
      Invalidations invalidations,
      PaymentProcessor processor,
      ObjectMapper json,
      Clock clock,
      IntConsumer batchSizes) {
    this.jdbi = jdbi;
    this.catalog = new SaleCatalog(jdbi, invalidations);
    this.writer = new SaleWriter(pool, writers, batchSizes);
    this.processor = processor;
    this.offlineCards = new OfflineCardDelivery(processor);
    this.declinedCards = new DeclinedCards(jdbi, clock);
    this.json = json;
    this.clock = clock;
  }

  public Outcome submit(Principal who, String idempotencyKey, SaleRequest request) {
    if (who.role() == null || !who.role().canSell()) {
      throw ApiException.forbidden("Only cashiers and managers record sales");
    }
    SaleRecomputation.validateShape(request, idempotencyKey);
    ReceiptNumbers.requireOwn(who, request.receiptNumber(), "/receiptNumber");
    String requestJson = write(request);
    byte[] requestHash = Secrets.sha256(requestJson);
    UUID org = who.organisationId();
    if (request.tenders().stream().anyMatch(t -> "CARD".equals(t.type()))) {
      // A sale delivered again gets its first answer without asking the processor again: its cards
      // are authorised once (ADR 0031). Two deliveries racing each other still charge once, by the
      // processor's idempotency on the tender id.
      Optional<Outcome> earlier = recorded(org, request.id(), requestHash);
      if (earlier.isPresent()) {
        return earlier.get();
      }
    }
    try {
      SaleResponse created = recordNew(who, request, requestJson, requestHash);
      if (created != null) {
        return new Outcome(true, created);
      }
    } catch (ApiException e) {
      // A repeat of a recorded sale gets its first answer whatever changed since (a price, an
      // item withdrawn, an approval spent): only a sale not recorded yet is refused.
      return recorded(org, request.id(), requestHash).orElseThrow(() -> e);
    }
    // Nothing was written: a duplicate was recorded meanwhile, or the receipt number is taken.
    return recorded(org, request.id(), requestHash)
        .orElseThrow(
            () ->
                ApiException.conflict(
                    "Receipt number "
                        + request.receiptNumber()
                        + (request.receiptToken() == null ? "" : " or its receipt token")
                        + " is already used by another sale"));
  }

  /** The answer to a repeat of a recorded sale (or a 409), if the sale is recorded. */
  private Optional<Outcome> recorded(UUID org, UUID id, byte[] requestHash) {
    return jdbi.withHandle(
            h ->
                h.createQuery(
                        "select request_hash, response::text as response from sale"
                            + " where organisation_id = :org and id = :id")
                    .bind("org", org)
                    .bind("id", id)
                    .mapToMap()
                    .findOne())
        .map(
            row ->
                earlier(
                    id,
                    (byte[]) row.get("request_hash"),
                    (String) row.get("response"),
                    requestHash));
  }

  /**
   * Recomputes the sale on the catalogue as it stands, applies the override rules, authorises its
   * cards and writes it; answers its response, or null when it was not written (a sale with its id,
   * or its terminal's sale with its receipt number, exists). Times out of the window are refused
   * here, with the rest, so that a repeat of a recorded sale still gets its first answer.
   */
  private SaleResponse recordNew(
      Principal who, SaleRequest request, String requestJson, byte[] requestHash) {
    UUID org = who.organisationId();
    Instant now = clock.instant();
    TerminalTimes.check(who, request.openedAt(), "/openedAt", now);
    TerminalTimes.check(who, request.paidAt(), "/paidAt", now);
    TerminalTimes.ordered(
        request.openedAt(),
        "openedAt",
        request.paidAt(),
        "/paidAt",
        "a sale is paid after it opens");
    SaleCatalog.ForSale known =
        catalog.forSale(
            org,
            who.storeId(),
            request.lines().stream().map(SaleLineDto::itemId).distinct().toList());
    SalePolicy policy = known.rules().policy();
    Sale sale =
        SaleRecomputation.rebuild(
            request,
            policy,
            known.items(),
            (item, since) ->
                jdbi.withHandle(h -> StorePolicy.itemChangedSince(h, org, item, since)));
    SaleRecomputation.compare(request, sale.totals());
    SaleRecomputation.pay(sale, request, request.paidAt());
    List<AuditEntry> audit = new ArrayList<>();
    UUID approvedBy = overrideApproval(who, request, known, sale, audit);
    List<io.kasa.api.Problem.FieldError> tipsRefused =
        SaleTips.outsideRules(request, known.rules().tips(), policy.currency());
    if (!tipsRefused.isEmpty() && !request.offline()) {
      throw new ApiException(
          422,
          "tip-refused",
          "Tip outside the store's rules",
          "A tip must be within the store's tip rules: " + tipsRefused.get(0).message(),
          tipsRefused);
    }
    // Taken offline under rules the till may have held before a change: recorded, for a look.
    tipsRefused.forEach(
        e ->
            audit.add(
                new AuditEntry(
                    who.employeeId(),
                    "TIP_OUTSIDE_RULES",
                    request.receiptNumber() + " " + e.pointer() + ": " + e.message())));
    if (DiscountAudit.any(request)) {
      // Checked, never refused: the till may have given it offline under older limits (ADR 0033).
      jdbi.useHandle(
          h ->
              DiscountAudit.check(h, org, who.storeId(), who.employeeId(), request, sale.totals())
                  .forEach(e -> audit.add(new AuditEntry(e.employee(), e.action(), e.detail()))));
    }
    // No connection is held while the card network answers; the processor's idempotency on the
    // tender id makes a racing duplicate's authorisation the same one (ADR 0014).
    Authorised authorised = authorise(request, policy);
    List<TenderResultDto> tenders = authorised.results();
    SaleResponse response = response(request, sale, tenders, clock.instant());
    authorised
        .declines()
        .forEach(
            (tender, reason) ->
                audit.add(
                    new AuditEntry(
                        who.employeeId(),
                        "OFFLINE_CARD_DECLINED",
                        request.receiptNumber() + " tender " + tender + ": " + reason)));
    // The audit log is for sensitive actions: a sale is its own record, but one accepted on the
    // terminal's prices while it was offline deserves a second look.
    if (request.offline()) {
      audit.add(new AuditEntry(who.employeeId(), "SALE_OFFLINE", request.receiptNumber()));
    }
    List<Integer> voided =
        request.lines().stream().filter(SaleLineDto::voided).map(SaleLineDto::number).toList();
    if (!voided.isEmpty()) {
      audit.add(
          new AuditEntry(
              who.employeeId(), "LINE_VOIDED", request.receiptNumber() + " lines " + voided));
    }
    return record(
            who, request, requestJson, sale, authorised, requestHash, response, approvedBy, audit)
        ? response
        : null;
  }

  /** An audit log entry written with the sale. */
  private record AuditEntry(UUID employee, String action, String detail) {}

  /**
   * Authorises a card tender while the customer waits. Approved or declined is an answer (200); a
   * processor that does not answer is a 504 and nothing was charged. Asked again with the same
   * tender id, the processor gives its first answer, as the sale that follows relies on.
   */
  public CardAuthorisationResponse authoriseCard(Principal who, CardAuthorisationRequest r) {
    if (who.role() == null || !who.role().canSell()) {
      throw ApiException.forbidden("Only cashiers and managers take payments");
    }
    if (r == null) {
      throw ApiException.invalid("", "A card authorisation is a JSON object");
    }
    if (r.tenderId() == null) {
      throw ApiException.invalid("/tenderId", "tenderId is the tender's UUID");
    }
    if (r.saleId() == null) {
      throw ApiException.invalid("/saleId", "saleId is the sale's UUID");
    }
    if (r.amount() <= 0 || r.amount() > SaleRecomputation.MAX_AMOUNT) {
      throw ApiException.invalid(
          "/amount", "amount is between 1 and " + SaleRecomputation.MAX_AMOUNT + " minor units");
    }
    if (r.cardToken() == null
        || r.cardToken().isBlank()
        || r.cardToken().codePointCount(0, r.cardToken().length()) > 200) {
      throw ApiException.invalid("/cardToken", "cardToken is the reader's token, 1 to 200 long");
    }
    SalePolicy policy = catalog.rules(who.organisationId(), who.storeId()).policy();
    try {
      PaymentProcessor.Authorisation a =
          processor.authorise(r.tenderId(), r.cardToken(), Money.of(r.amount(), policy.currency()));
      return a.approved()
          ? new CardAuthorisationResponse(r.tenderId(), "APPROVED", a.authorisation(), null)
          : new CardAuthorisationResponse(r.tenderId(), "DECLINED", null, a.reason());
    } catch (PaymentProcessor.TimeoutException e) {
      throw CardProblems.timeout(e, "nothing was charged");
    } catch (PaymentProcessor.TenderReusedException e) {
      throw ApiException.conflict(e.getMessage());
    } catch (PaymentProcessor.UnavailableException e) {
      throw CardProblems.unavailable(e, "/cardToken");
    }
  }

  /** The offline cards declined on delivery, for the store's managers (ADR 0031). */
  public DeclinedCards declinedCards() {
    return declinedCards;
  }

  /** A recorded sale of the caller's organisation, as it stands. */
  public SaleResponse get(Principal who, UUID id) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select response::text from sale where organisation_id = :org and id = :id")
                .bind("org", who.organisationId())
                .bind("id", id)
                .mapTo(String.class)
                .findOne()
                .map(this::read)
                .orElseThrow(() -> ApiException.notFound("No sale " + id)));
  }

  /**
   * A recorded sale with its refunds so far, for a return at any register of the organisation. The
   * card tenders' tokens stay on the service.
   */
  public io.kasa.api.sales.SaleForReturn forReturn(Principal who, UUID id) {
    return jdbi.withHandle(
        h -> {
          SaleRequest sale =
              h.createQuery(
                      "select request::text from sale where organisation_id = :org and id = :id")
                  .bind("org", who.organisationId())
                  .bind("id", id)
                  .mapTo(String.class)
                  .findOne()
                  .map(body -> readAs(body, SaleRequest.class))
                  .orElseThrow(() -> ApiException.notFound("No sale " + id));
          List<io.kasa.api.sales.RefundRequestDto> refunds =
              h.createQuery(
                      "select request::text from refund where organisation_id = :org"
                          + " and sale_id = :id order by recorded_at, id")
                  .bind("org", who.organisationId())
                  .bind("id", id)
                  .mapTo(String.class)
                  .map(body -> readAs(body, io.kasa.api.sales.RefundRequestDto.class))
                  .list();
          List<TenderDto> tenders =
              sale.tenders().stream()
                  .map(
                      t ->
                          new TenderDto(
                              t.id(),
                              t.type(),
                              t.amount(),
                              null,
                              t.reference(),
                              t.cardLast4(),
                              t.tip()))
                  .toList();
          return new io.kasa.api.sales.SaleForReturn(
              new SaleRequest(
                  sale.id(),
                  sale.receiptNumber(),
                  sale.currency(),
                  sale.openedAt(),
                  sale.paidAt(),
                  sale.lines(),
                  sale.orderDiscount(),
                  tenders,
                  sale.totals(),
                  sale.offline(),
                  sale.approvalId(),
                  sale.receiptToken()),
              refunds);
        });
  }

  private <T> T readAs(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("A stored request that does not read back", e);
    }
  }

  /**
   * A recorded sale by its receipt number, for returns at any register of the organisation: the
   * sale of the terminal whose store and terminal codes the number carries, never another's that
   * bears its number.
   */
  public SaleResponse byReceipt(Principal who, String receiptNumber) {
    ReceiptNumber number =
        ReceiptNumbers.named(receiptNumber)
            .orElseThrow(() -> ApiException.notFound("No sale with receipt " + receiptNumber));
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select s.response::text from store st join terminal t"
                        + " on t.organisation_id = st.organisation_id and t.store_id = st.id"
                        + " join sale s on s.organisation_id = t.organisation_id and s.terminal_id = t.id"
                        + " where st.organisation_id = :org and st.code = :store and t.code = :terminal"
                        + " and s.receipt_number = :number")
                .bind("org", who.organisationId())
                .bind("store", number.store())
                .bind("terminal", number.terminal())
                .bind("number", number.toString())
                .mapTo(String.class)
                .findOne()
                .map(this::read)
                .orElseThrow(() -> ApiException.notFound("No sale with receipt " + number)));
  }

  /**
   * The caller's organisation's sale whose receipt token is {@code token} (a scanned receipt QR
   * code, ADR 0041), or 404.
   */
  public SaleResponse byToken(Principal who, String token) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    "select response::text from sale where receipt_token = :token"
                        + " and organisation_id = :org")
                .bind("org", who.organisationId())
                .bind("token", token)
                .mapTo(String.class)
                .findOne()
                .map(this::read)
                .orElseThrow(() -> ApiException.notFound("No sale with this receipt token")));
  }

  /** The answer to a repeat: the original response, or a conflict when the contents differ. */
  private Outcome earlier(UUID id, byte[] recordedHash, String response, byte[] requestHash) {
    if (!Secrets.same(recordedHash, requestHash)) {
      throw ApiException.conflict("Sale " + id + " was already recorded with different contents");
    }
    return new Outcome(false, read(response));
  }

  /**
   * Lines whose price was lowered beyond the store's limit need a manager: the seller is one, or
   * the sale spends a manager's {@code PRICE_OVERRIDE} approval. A sale made offline is never
   * refused for it (the sale happened), but an unapproved override is put in the audit log. Returns
   * the approving manager, or null when no approval was needed or given. A line kept at the price
   * its item had when the sale opened is nobody's override. The audit entries go to {@code audit};
   * a manager's approval is spent at once, for this sale (a retry of it may spend it again).
   */
  private UUID overrideApproval(
      Principal who, SaleRequest r, SaleCatalog.ForSale known, Sale sale, List<AuditEntry> audit) {
    Map<String, CatalogItem> items = known.items();
    List<Integer> beyond = new ArrayList<>();
    SortedSet<Integer> overridden = new TreeSet<>();
    BigDecimal limit = known.rules().overrideLimit();
    for (SaleLineDto l : r.lines()) {
      CatalogItem item = items.get(l.itemId());
      if (l.voided()
          || item.openPrice()
          || l.unitPrice() == item.price().minor()
          || SaleRecomputation.pricedWhenOpened(sale.line(l.number()))) {
        continue;
      }
      if (l.priceOverrideReason() != null && !l.priceOverrideReason().isBlank()) {
        overridden.add(l.number());
      }
      if (l.unitPrice() > item.price().minor()) {
        continue;
      }
      BigDecimal cut =
          BigDecimal.valueOf(item.price().minor() - l.unitPrice())
              .multiply(BigDecimal.valueOf(100))
              .divide(BigDecimal.valueOf(item.price().minor()), 4, RoundingMode.HALF_UP);
      if (cut.compareTo(limit) > 0) {
        beyond.add(l.number());
      }
    }
    overridden.addAll(beyond);
    String detail = r.receiptNumber() + " lines " + overridden;
    if (beyond.isEmpty()) {
      if (!overridden.isEmpty()) {
        // Within the limit: the seller's own decision, still on record.
        audit.add(new AuditEntry(who.employeeId(), "PRICE_OVERRIDE", detail));
      }
      return null;
    }
    if (who.role() == Role.MANAGER || who.role() == Role.ADMIN) {
      audit.add(new AuditEntry(who.employeeId(), "PRICE_OVERRIDE", detail));
      return who.employeeId();
    }
    if (r.approvalId() != null) {
      Optional<UUID> manager =
          jdbi.withHandle(
              h ->
                  h.createQuery(
                          "update approval set used_by = :sale where organisation_id = :org and id = :id"
                              + " and terminal_id = :terminal and action = 'PRICE_OVERRIDE'"
                              + " and (used_by is null or used_by = :sale) and (:offline or expires_at > :now)"
                              + " returning manager_id")
                      .bind("sale", r.id())
                      .bind("org", who.organisationId())
                      .bind("id", r.approvalId())
                      .bind("terminal", who.terminalId())
                      .bind("offline", r.offline())
                      .bind("now", clock.instant().atOffset(ZoneOffset.UTC))
                      .mapTo(UUID.class)
                      .findOne());
      if (manager.isPresent()) {
        audit.add(new AuditEntry(manager.get(), "PRICE_OVERRIDE", detail));
        return manager.get();
      }
      if (!r.offline()) {
        throw new ApiException(
            403,
            "approval-invalid",
            "Approval not valid",
            "Approval "
                + r.approvalId()
                + " is unknown, expired, already spent, or from another terminal",
            List.of(new Problem.FieldError("/approvalId", "not a valid approval")));
      }
    }
    if (r.offline()) {
      audit.add(new AuditEntry(who.employeeId(), "PRICE_OVERRIDE_UNAPPROVED", detail));
      return null;
    }
    List<Problem.FieldError> errors = new ArrayList<>();
    for (int i = 0; i < r.lines().size(); i++) {
      if (beyond.contains(r.lines().get(i).number())) {
        errors.add(
            new Problem.FieldError(
                "/lines/" + i + "/unitPrice",
                "Line "
                    + r.lines().get(i).number()
                    + ": price lowered by more than "
                    + limit.stripTrailingZeros().toPlainString()
                    + " % needs a manager"));
      }
    }
    throw new ApiException(
        403,
        "manager-approval-required",
        "Manager approval required",
        "A price lowered beyond the store's limit needs a manager: sign in as one, or send a"
            + " manager's PRICE_OVERRIDE approval as approvalId",
        errors);
  }

  /**
   * The sale's tenders as the processor answered them.
   *
   * @param results each tender's outcome, in the sale's order
   * @param declines the reasons of offline cards declined on delivery, by tender id
   */
  private record Authorised(List<TenderResultDto> results, Map<UUID, String> declines) {}

  private Authorised authorise(SaleRequest request, SalePolicy policy) {
    List<TenderResultDto> results = new ArrayList<>();
    Map<UUID, String> declines = new TreeMap<>();
    for (int i = 0; i < request.tenders().size(); i++) {
      TenderDto t = request.tenders().get(i);
      try {
        if ("EXTERNAL_CARD".equals(t.type())) {
          // Charged by the bank's own terminal: its approval code is the authorisation.
          results.add(new TenderResultDto(t.id(), t.type(), t.amount(), "ACCEPTED", t.reference()));
        } else if (!"CARD".equals(t.type())) {
          results.add(
              new TenderResultDto(t.id(), t.type(), t.amount(), "ACCEPTED", null, tipOf(t)));
        } else if (request.offline()) {
          OfflineCardDelivery.Outcome o = offlineCards.authorise(t, policy.currency());
          results.add(o.result());
          if (o.declineReason() != null) {
            declines.put(t.id(), o.declineReason());
          }
        } else {
          results.add(online(t, i, policy));
        }
      } catch (PaymentProcessor.TimeoutException e) {
        throw CardProblems.timeout(e, "nothing was charged or recorded; send the sale again later");
      } catch (PaymentProcessor.TenderReusedException e) {
        throw ApiException.conflict(e.getMessage());
      } catch (PaymentProcessor.UnavailableException e) {
        throw CardProblems.unavailable(e, "/tenders/" + i);
      }
    }
    return new Authorised(results, declines);
  }

  /** A card authorised while the customer waits: a decline refuses the sale (402). */
  private TenderResultDto online(TenderDto t, int i, SalePolicy policy)
      throws PaymentProcessor.TimeoutException {
    PaymentProcessor.Authorisation a =
        processor.authorise(t.id(), t.cardToken(), Money.of(t.charged(), policy.currency()));
    if (!a.approved()) {
      throw new ApiException(
          402,
          "card-declined",
          "Card declined",
          "The card was declined: " + a.reason(),
          List.of(new Problem.FieldError("/tenders/" + i, a.reason())));
    }
    return new TenderResultDto(
        t.id(), t.type(), t.amount(), "APPROVED", a.authorisation(), tipOf(t));
  }

  /** The tender's tip as its result carries it: null when none (ADR 0054). */
  static Long tipOf(TenderDto t) {
    return t.tipOrZero() > 0 ? t.tipOrZero() : null;
  }

  private static SaleResponse response(
      SaleRequest r, Sale sale, List<TenderResultDto> tenders, Instant now) {
    SaleTotals t = sale.totals();
    return new SaleResponse(
        r.id(),
        r.receiptNumber(),
        sale.state().name(),
        r.offline(),
        TotalsDto.of(sale),
        tenders,
        now);
  }

  /**
   * Writes the sale with its lines, stock moves, tax lines, tenders and audit entries, together
   * with the sales submitted meanwhile (group commit, ADR 0015), unless a sale with its id, or the
   * terminal's sale with its receipt number, exists. Returns whether it was written.
   */
  private boolean record(
      Principal who,
      SaleRequest r,
      String requestJson,
      Sale sale,
      Authorised authorised,
      byte[] requestHash,
      SaleResponse response,
      UUID approvedBy,
      List<AuditEntry> audit) {
    List<TenderResultDto> tenders = authorised.results();
    SaleTotals t = sale.totals();
    List<Object[]> lines = new ArrayList<>();
    for (SaleLine line : sale.lines()) {
      LineTotals lt = t.line(line.number()).orElse(null);
      lines.add(
          new Object[] {
            line.number(),
            line.item().id(),
            line.item().name(),
            line.quantity().toDecimal().toPlainString(),
            line.unitPrice().minor(),
            lt == null ? 0L : lt.gross().minor(),
            lt == null ? 0L : lt.lineDiscount().minor(),
            lt == null ? 0L : lt.orderDiscount().minor(),
            lt == null ? 0L : lt.payable().minor(),
            lt == null ? 0L : lt.tax().minor(),
            line.item().taxClass(),
            line.override() == null ? null : line.override().reason(),
            line.voided(),
            modifiersJson(line),
            line.note()
          });
    }
    // Stock moves are appended (V5__stock_ledger.sql): no row lock shared between sales.
    Map<String, BigDecimal> sold = new TreeMap<>();
    for (SaleLine line : sale.activeLines()) {
      sold.merge(line.item().id(), line.quantity().toDecimal(), BigDecimal::add);
    }
    List<Object[]> moves = new ArrayList<>();
    sold.forEach(
        (item, quantity) -> moves.add(new Object[] {item, quantity.negate().toPlainString()}));
    List<Object[]> taxes = new ArrayList<>();
    for (TaxBreakdownLine b : t.taxBreakdown()) {
      taxes.add(
          new Object[] {
            b.rate().taxClass(),
            b.rate().rate().value().toPlainString(),
            b.net().minor(),
            b.tax().minor(),
            b.gross().minor()
          });
    }
    List<Object[]> tenderRows = new ArrayList<>();
    for (TenderResultDto tender : tenders) {
      TenderDto asked =
          r.tenders().stream().filter(x -> x.id().equals(tender.id())).findFirst().orElseThrow();
      tenderRows.add(
          new Object[] {
            tender.id().toString(),
            tender.type(),
            tender.amount(),
            tender.status(),
            tender.authorisation(),
            asked.reference(),
            authorised.declines().get(tender.id()),
            asked.cardLast4(),
            asked.tipOrZero()
          });
    }
    List<Object[]> audits = new ArrayList<>();
    for (AuditEntry e : audit) {
      audits.add(
          new Object[] {
            who.terminalId().toString(),
            e.employee() == null ? null : e.employee().toString(),
            e.action(),
            e.detail()
          });
    }
    Object[] row = {
      who.storeId().toString(),
      who.terminalId().toString(),
      who.employeeId() == null ? null : who.employeeId().toString(),
      r.receiptNumber(),
      r.currency(),
      sale.state().name(),
      r.offline(),
      r.openedAt().toString(),
      r.paidAt().toString(),
      response.recordedAt().toString(),
      t.subtotal().minor(),
      t.discountTotal().minor(),
      t.tax().minor(),
      t.total().minor(),
      sale.cashRounding().minor(),
      sale.change().minor(),
      "\\x" + HexFormat.of().formatHex(requestHash),
      requestJson,
      write(response),
      approvedBy == null ? null : approvedBy.toString(),
      r.receiptToken()
    };
    return writer.write(
        new SaleWriter.Entry(
            who.organisationId(), r.id(), row, lines, moves, taxes, tenderRows, audits));
  }

  /** Finishes the sales being written; later submissions are written by their own threads. */
  @Override
  public void close() {
    writer.close();
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Cannot serialise " + value.getClass().getSimpleName(), e);
    }
  }

  private SaleResponse read(String stored) {
    try {
      return json.readValue(stored, SaleResponse.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Stored sale response is unreadable", e);
    }
  }

  /**
   * What a line asked for, as the sale_line.modifiers column keeps it for receipts and kitchen
   * tickets (ADR 0043): the catalogue's names and the deltas charged; null for none.
   */
  private String modifiersJson(SaleLine line) {
    if (line.modifiers().isEmpty()) {
      return null;
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (io.kasa.domain.sale.ChosenModifier m : line.modifiers()) {
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("groupId", m.groupId());
      row.put("group", m.groupName());
      row.put("optionId", m.optionId());
      row.put("option", m.optionName());
      row.put("priceDelta", m.priceDelta().minor());
      out.add(row);
    }
    try {
      return json.writeValueAsString(out);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException("Options of line " + line.number() + " not written", e);
    }
  }
}
