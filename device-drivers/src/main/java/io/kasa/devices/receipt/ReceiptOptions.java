package io.kasa.devices.receipt;

import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.escpos.MonochromeImage;

/**
 * How a store wants its receipts printed.
 *
 * @param columns characters per line, or 0 for the profile's font A columns
 * @param nvLogoKey key of a logo stored in the printer's NV memory, or {@code null}
 * @param rasterLogo a logo sent as a raster image with every receipt, or {@code null}; ignored when
 *     {@code nvLogoKey} is set
 * @param cut the cut after the receipt
 *     <p>A receipt never kicks the cash drawer: the drawer is its own device, kicked once with the
 *     technician's pin and pulse on its own port or the printer's (ADR 0029).
 */
public record ReceiptOptions(
    int columns, String nvLogoKey, MonochromeImage rasterLogo, EscPos.Cut cut) {

  /** No logo, the profile's columns, partial cut. */
  public static ReceiptOptions defaults() {
    return new ReceiptOptions(0, null, null, EscPos.Cut.PARTIAL);
  }

  public ReceiptOptions withNvLogo(String key) {
    return new ReceiptOptions(columns, key, rasterLogo, cut);
  }

  public ReceiptOptions withRasterLogo(MonochromeImage logo) {
    return new ReceiptOptions(columns, nvLogoKey, logo, cut);
  }
}
