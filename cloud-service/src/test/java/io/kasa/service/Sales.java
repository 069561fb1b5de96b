package io.kasa.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import io.kasa.domain.receipt.ReceiptNumber;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sale requests as the demo terminal would send them, with totals computed by hand. */
public final class Sales {

  private Sales() {}

  /** The demo terminal's receipt number {@code sequence}, written as the terminal writes it. */
  public static String receipt(long sequence) {
    return receipt("T1", sequence);
  }

  /** Receipt number {@code sequence} of terminal {@code terminal} of the demo store. */
  public static String receipt(String terminal, long sequence) {
    return new ReceiptNumber("K1", terminal, sequence).toString();
  }

  /**
   * 2 × bread (31.00) + 1 × aspirin (96.40), VAT inclusive per line, opened two minutes ago and
   * paid a minute later, 100.00 by card and the rest (58.40 → 58.40) in cash with 100.00: change
   * 41.60.
   */
  public static SaleRequest breadAndAspirin(UUID id, long sequence, String cardToken) {
    return breadAndAspirin(id, "T1", sequence, cardToken);
  }

  /** {@link #breadAndAspirin(UUID, long, String)} as terminal {@code terminal} numbers it. */
  public static SaleRequest breadAndAspirin(
      UUID id, String terminal, long sequence, String cardToken) {
    UUID card =
        UUID.nameUUIDFromBytes((id + "/card").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    UUID cash =
        UUID.nameUUIDFromBytes((id + "/cash").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return new SaleRequest(
        id,
        receipt(terminal, sequence),
        "UAH",
        Instant.now().minusSeconds(120),
        Instant.now().minusSeconds(60),
        List.of(
            new SaleLineDto(1, "bread", "2", 3100, null, null, false, 6200),
            new SaleLineDto(2, "aspirin", "1", 9640, null, null, false, 9640)),
        null,
        List.of(
            new TenderDto(card, "CARD", 10000, cardToken, null),
            new TenderDto(cash, "CASH", 10000, null, null)),
        // tax: 6200 × 20/120 = 1033.33 → 1033; 9640 × 7/107 = 630.65 → 631
        new TotalsDto(15840, 0, 1664, 15840, 0, 4160),
        false,
        null);
  }

  /**
   * {@link #breadAndAspirin} paid by card, opened now: with the catalogue's prices set before it
   * opened ({@link #priceSetAnHourAgo}), its prices are checked against the catalogue's. (A sale
   * opened before a price change keeps the price it started with.)
   */
  public static SaleRequest openedNow(UUID id, long sequence) {
    return openedNow(id, "T1", sequence);
  }

  /** {@link #openedNow(UUID, long)} as terminal {@code terminal} numbers it. */
  public static SaleRequest openedNow(UUID id, String terminal, long sequence) {
    SaleRequest r = breadAndAspirin(id, terminal, sequence, "tok_approve");
    Instant now = Instant.now();
    return new SaleRequest(
        r.id(),
        r.receiptNumber(),
        r.currency(),
        now,
        now.plusSeconds(60),
        r.lines(),
        r.orderDiscount(),
        r.tenders(),
        r.totals(),
        r.offline(),
        r.approvalId());
  }

  /** Dates the item's last catalogue change an hour back, before any sale opened now. */
  public static void priceSetAnHourAgo(TestCloud cloud, String item) {
    cloud.execute(
        "update catalog_change set changed_at = now() - interval '1 hour'"
            + " where kind = 'ITEM' and key = ?",
        item);
  }

  public static String json(SaleRequest r) {
    try {
      return TestCloud.JSON.writeValueAsString(r);
    } catch (JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }
}
