package io.kasa.api.office;

import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.api.terminal.StoreIdentityDto;
import java.util.List;
import java.util.Map;

/**
 * A partial change of a store's settings (ADR 0051): every part is optional and one left out (null)
 * stays as it is. In {@code identity} and {@code publicAddress} an empty string removes the value.
 * {@code discountLimits} sets the roles it names; {@code barcodeLayouts} is the store's whole list
 * of layouts, replacing the one it had.
 *
 * @param name the store's name
 * @param identity legal name, address, tax ID, VAT number, receipt header and footer
 * @param timeZone an IANA zone id
 * @param publicAddress an http or https base URL, or empty for none
 * @param taxMode INCLUSIVE or EXCLUSIVE
 * @param taxRounding PER_LINE or PER_RECEIPT
 * @param cashIncrement minor units a cash total is rounded to
 * @param priceOverrideLimit percent, 0 to 100
 * @param offlineCards the offline card rules, whole
 * @param discountLimits percent by role
 * @param barcodeLayouts every layout the store is to have
 * @param tips the tip rules (ADR 0054); a null part inside stays as it is
 */
public record OfficeStoreChange(
    String name,
    StoreIdentityDto identity,
    String timeZone,
    String publicAddress,
    String taxMode,
    String taxRounding,
    Long cashIncrement,
    String priceOverrideLimit,
    OfflineCardRules offlineCards,
    Map<String, String> discountLimits,
    List<BarcodeLayoutDto> barcodeLayouts,
    OfficeStoreTips tips) {

  /** A change without tips. */
  public OfficeStoreChange(
      String name,
      StoreIdentityDto identity,
      String timeZone,
      String publicAddress,
      String taxMode,
      String taxRounding,
      Long cashIncrement,
      String priceOverrideLimit,
      OfflineCardRules offlineCards,
      Map<String, String> discountLimits,
      List<BarcodeLayoutDto> barcodeLayouts) {
    this(
        name,
        identity,
        timeZone,
        publicAddress,
        taxMode,
        taxRounding,
        cashIncrement,
        priceOverrideLimit,
        offlineCards,
        discountLimits,
        barcodeLayouts,
        null);
  }

  /** A change of nothing, to build a section's change from. */
  public static OfficeStoreChange none() {
    return new OfficeStoreChange(null, null, null, null, null, null, null, null, null, null, null);
  }

  /** A change of the tip rules alone. */
  public static OfficeStoreChange tips(OfficeStoreTips tips) {
    return new OfficeStoreChange(
        null, null, null, null, null, null, null, null, null, null, null, tips);
  }
}
