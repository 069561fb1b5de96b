package io.kasa.terminal.app;

import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.StoreSettings;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.EmbeddedLayout;
import java.util.List;
import java.util.Locale;

/** The store's in-store label layouts as the register reads them (ADR 0030). */
final class StoreLabels {

  private StoreLabels() {}

  /**
   * A parser of the store's labels. A configuration kept from a service older than ADR 0030 has no
   * layouts: it reads what the register read before, weights under prefix 22, until the next fetch.
   */
  static BarcodeParser parser(StoreSettings store) {
    List<BarcodeLayoutDto> layouts = store.barcodeLayouts();
    if (layouts == null) {
      return new BarcodeParser(List.of(EmbeddedLayout.weight("22")));
    }
    return new BarcodeParser(
        layouts.stream()
            .map(
                l ->
                    EmbeddedLayout.of(
                        l.prefix(),
                        EmbeddedLayout.Kind.valueOf(l.kind().toUpperCase(Locale.ROOT)),
                        l.itemDigits(),
                        l.valueDigits(),
                        l.valueDecimals()))
            .toList());
  }
}
