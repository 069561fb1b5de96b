package io.kasa.domain.barcode;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** What a scan means to the catalogue. */
public sealed interface ParsedCode {

  /**
   * A trade item number (EAN-8, EAN-13, UPC-A, UPC-E, GTIN-14), check digit verified.
   *
   * @param gtin14 the number zero-padded to 14 digits: the one lookup key for all of them
   * @param printed the digits as printed (UPC-E expanded to UPC-A)
   */
  record Gtin(String gtin14, String printed) implements ParsedCode {}

  /**
   * An in-store label with an embedded price or weight.
   *
   * @param layout the layout that matched
   * @param itemCode the item code to look up
   * @param value the embedded price (major units) or weight (kg)
   * @param printed the 13 digits
   */
  record Embedded(EmbeddedLayout layout, String itemCode, BigDecimal value, String printed)
      implements ParsedCode {

    /** The weight as a quantity, if this is a weight label. */
    public Optional<Quantity> weight() {
      return layout.kind() == EmbeddedLayout.Kind.WEIGHT
          ? Optional.of(Quantity.ofDecimal(value.setScale(Quantity.SCALE, RoundingMode.HALF_UP)))
          : Optional.empty();
    }

    /** The price in {@code currency}, if this is a price label. */
    public Optional<Money> price(Currency currency) {
      return layout.kind() == EmbeddedLayout.Kind.PRICE
          ? Optional.of(Money.ofDecimal(value, currency, RoundingMode.HALF_UP))
          : Optional.empty();
    }
  }

  /**
   * A GS1 element string (GS1-128, GS1 DataBar, GS1 DataMatrix or QR).
   *
   * @param elements application identifier → value, in the order read
   */
  record Gs1(Map<String, String> elements) implements ParsedCode {

    public Gs1 {
      elements = Collections.unmodifiableMap(new LinkedHashMap<>(elements));
    }

    /** AI 01, the trade item, zero-padded to 14 digits as stored. */
    public Optional<String> gtin() {
      return Optional.ofNullable(elements.get("01"));
    }

    /** AI 10, the batch or lot. */
    public Optional<String> batch() {
      return Optional.ofNullable(elements.get("10"));
    }

    /** AI 21, the serial number. */
    public Optional<String> serial() {
      return Optional.ofNullable(elements.get("21"));
    }

    /** AI 17, the expiry date; day 00 means the end of the month. Years are 2000–2099. */
    public Optional<LocalDate> expiry() {
      return Optional.ofNullable(elements.get("17")).map(Gs1Parser::date);
    }

    /** AI 310n, net weight in kg, rounded to the gram. */
    public Optional<Quantity> netWeight() {
      return decimalOf("310")
          .map(v -> Quantity.ofDecimal(v.setScale(Quantity.SCALE, RoundingMode.HALF_UP)));
    }

    /** AI 392n, the price payable in the local currency. */
    public Optional<Money> price(Currency currency) {
      return decimalOf("392").map(v -> Money.ofDecimal(v, currency, RoundingMode.HALF_UP));
    }

    private Optional<BigDecimal> decimalOf(String stem) {
      for (Map.Entry<String, String> e : elements.entrySet()) {
        if (e.getKey().length() == 4 && e.getKey().startsWith(stem)) {
          int decimals = e.getKey().charAt(3) - '0';
          return Optional.of(new BigDecimal(e.getValue()).movePointLeft(decimals));
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Any other code: a PLU typed by hand, an internal CODE128 label, a QR payload.
   *
   * @param text the code with prefixes and suffixes removed
   */
  record Plain(String text) implements ParsedCode {}
}
