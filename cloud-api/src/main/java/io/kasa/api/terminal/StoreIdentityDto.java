package io.kasa.api.terminal;

/**
 * A store's legal identity and its own words, as its receipts carry them (ADR 0030). A part not set
 * is null.
 *
 * @param legalName the registered name (e.g. ТОВ «Колосок»)
 * @param address where the store is
 * @param taxId the taxpayer's code: ЄДРПОУ (8 digits) or ІПН (10 digits) in Ukraine
 * @param vatNumber the VAT payer number (ІПН платника ПДВ, 12 digits), when registered for VAT
 * @param header the store's words under its identity (line breaks kept)
 * @param footer the store's words at the end of the receipt (line breaks kept)
 */
public record StoreIdentityDto(
    String legalName,
    String address,
    String taxId,
    String vatNumber,
    String header,
    String footer) {}
