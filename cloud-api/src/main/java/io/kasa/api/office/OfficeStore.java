package io.kasa.api.office;

import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.api.terminal.StoreIdentityDto;
import java.util.List;
import java.util.Map;

/**
 * One store's settings as the Stores screen shows and changes them (ADR 0051): what its tills
 * receive in their configuration.
 *
 * @param id the store
 * @param code its code
 * @param name its name
 * @param currency its currency (ISO 4217), fixed when it was created
 * @param identity its legal identity, tax identifiers, address, receipt header and footer
 * @param timeZone the IANA zone its days begin in
 * @param publicAddress the base URL of its receipts' pages, or null
 * @param taxMode INCLUSIVE or EXCLUSIVE
 * @param taxRounding PER_LINE or PER_RECEIPT
 * @param cashIncrement what a cash total is rounded to, in minor units
 * @param priceOverrideLimit the percent a cashier may cut a price by without a manager
 * @param offlineCards the rules for cards taken while the service is unreachable
 * @param discountLimits how far each role may discount alone, percent by role
 * @param barcodeLayouts the layouts of its in-store labels, by prefix
 * @param tills its terminals not revoked
 * @param tips its tip rules (ADR 0054)
 */
public record OfficeStore(
    String id,
    String code,
    String name,
    String currency,
    StoreIdentityDto identity,
    String timeZone,
    String publicAddress,
    String taxMode,
    String taxRounding,
    long cashIncrement,
    String priceOverrideLimit,
    OfflineCardRules offlineCards,
    Map<String, String> discountLimits,
    List<BarcodeLayoutDto> barcodeLayouts,
    int tills,
    io.kasa.api.terminal.TipRulesDto tips) {}
