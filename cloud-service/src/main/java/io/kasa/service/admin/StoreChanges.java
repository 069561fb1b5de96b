package io.kasa.service.admin;

import io.kasa.api.office.OfficeStore;
import io.kasa.api.terminal.BarcodeLayoutDto;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * What changed between two readings of a store's settings, in words for its audit entry (ADR 0051):
 * each setting that changed by its name in the API, with what it was and what it is.
 */
final class StoreChanges {

  /** The longest value an audit entry quotes; longer ones are cut with an ellipsis. */
  private static final int MAX_VALUE = 80;

  private StoreChanges() {}

  /** "setting: «before» → «after»" for each setting that differs, joined by "; ". */
  static String between(OfficeStore before, OfficeStore after) {
    Map<String, String> a = settings(before);
    Map<String, String> b = settings(after);
    List<String> out = new ArrayList<>();
    a.forEach(
        (name, was) -> {
          String is = b.get(name);
          if (!Objects.equals(was, is)) {
            out.add(name + ": " + quoted(was) + " → " + quoted(is));
          }
        });
    return String.join("; ", out);
  }

  private static Map<String, String> settings(OfficeStore s) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("name", s.name());
    m.put("legalName", s.identity().legalName());
    m.put("taxId", s.identity().taxId());
    m.put("vatNumber", s.identity().vatNumber());
    m.put("address", s.identity().address());
    m.put("timeZone", s.timeZone());
    m.put("publicAddress", s.publicAddress());
    m.put("receiptHeader", s.identity().header());
    m.put("receiptFooter", s.identity().footer());
    m.put("taxMode", s.taxMode());
    m.put("taxRounding", s.taxRounding());
    m.put("cashIncrement", Long.toString(s.cashIncrement()));
    m.put("priceOverrideLimit", s.priceOverrideLimit());
    m.put(
        "offlineCards",
        s.offlineCards().allowed()
            + " "
            + s.offlineCards().perSaleLimit()
            + "/"
            + s.offlineCards().totalLimit()
            + " "
            + s.offlineCards().windowMinutes()
            + " min");
    s.discountLimits().forEach((role, percent) -> m.put("discountLimits/" + role, percent));
    if (s.tips() != null) {
      m.put(
          "tips",
          (s.tips().enabled() ? "on " : "off ")
              + String.join("/", s.tips().presets())
              + " % max "
              + s.tips().maxPercent()
              + " %");
    }
    m.put(
        "barcodeLayouts",
        s.barcodeLayouts().stream().map(StoreChanges::layout).collect(Collectors.joining(", ")));
    return m;
  }

  private static String layout(BarcodeLayoutDto l) {
    return l.prefix()
        + " "
        + l.kind()
        + " "
        + l.itemDigits()
        + "+"
        + l.valueDigits()
        + "."
        + l.valueDecimals();
  }

  private static String quoted(String value) {
    if (value == null) {
      return "—";
    }
    String v = value.replace('\n', ' ');
    if (v.codePointCount(0, v.length()) > MAX_VALUE) {
      v = v.substring(0, v.offsetByCodePoints(0, MAX_VALUE - 1)) + "…";
    }
    return "«" + v + "»";
  }
}
