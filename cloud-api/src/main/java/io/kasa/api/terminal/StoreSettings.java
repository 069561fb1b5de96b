package io.kasa.api.terminal;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/**
 * A store's rules as a terminal applies them.
 *
 * @param id the store
 * @param code its code, the first part of receipt numbers (e.g. {@code K1})
 * @param name its name, printed on receipts
 * @param currency ISO 4217 code
 * @param locale BCP 47 tag for number, date and currency formats (e.g. {@code uk-UA})
 * @param taxMode INCLUSIVE or EXCLUSIVE
 * @param taxRounding PER_LINE or PER_RECEIPT
 * @param cashIncrement the smallest cash amount in minor units (e.g. 10 for 0.10)
 * @param priceOverrideLimit how far, in percent, a cashier may lower a price without a manager
 * @param publicAddress the store's public address (http or https base URL): each receipt's QR code
 *     opens {@code {publicAddress}/r/{token}} (ADR 0041); null when the store has none, and then
 *     receipts carry no QR code
 * @param offlineCards whether and how far cards are taken while the service is unreachable
 * @param drawerLeftOpenSeconds how long the cash drawer may stand open before the till raises an
 *     alert and audits it
 * @param identity the store's legal identity and receipt words (ADR 0030); null from a service
 *     older than it
 * @param barcodeLayouts the layouts of its in-store labels (ADR 0030); null from a service older
 *     than it
 * @param journalRetentionDays how many days a till keeps acknowledged journal entries in its outbox
 *     before moving them to its archive (ADR 0037); null from a service older than it
 * @param tips the store's tip rules (ADR 0054); null from a service older than tips (no tips)
 * @param timeZone the store's time zone (an IANA id such as {@code Europe/Kyiv}): the times the
 *     till prints and shows (receipts, reports, pre-bills, the host stand) are the store's, as the
 *     receipt page and the back office show them; null from a service older than it (the till's own
 *     zone then)
 */
public record StoreSettings(
    UUID id,
    String code,
    String name,
    String currency,
    String locale,
    String taxMode,
    String taxRounding,
    long cashIncrement,
    String priceOverrideLimit,
    String publicAddress,
    OfflineCardRules offlineCards,
    int drawerLeftOpenSeconds,
    StoreIdentityDto identity,
    List<BarcodeLayoutDto> barcodeLayouts,
    Integer journalRetentionDays,
    TipRulesDto tips,
    String timeZone) {

  /** The store's time zone; the machine's own for a service that does not send it. */
  public ZoneId zone() {
    return timeZone == null ? ZoneId.systemDefault() : ZoneId.of(timeZone);
  }
}
