package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.math.BigDecimal;
import java.util.List;

/**
 * A schema's bounds for numbers. A whole number written with a fraction or an exponent ({@code
 * 2.0}, {@code 2e0}) is one for JSON Schema: where the schema wants a whole number it is rewritten
 * as the one the record reads.
 */
final class NumberRules {

  private BigDecimal minimum;
  private BigDecimal maximum;
  private Long minimumLong;
  private Long maximumLong;
  private boolean exclusiveMinimum;
  private boolean exclusiveMaximum;

  /** Takes {@code name} if it is a bound; answers whether it was. */
  boolean keyword(String name, JsonNode value) {
    switch (name) {
      case "minimum", "exclusiveMinimum" -> {
        minimum = value.decimalValue();
        minimumLong = asLong(minimum);
        exclusiveMinimum = name.startsWith("exclusive");
      }
      case "maximum", "exclusiveMaximum" -> {
        maximum = value.decimalValue();
        maximumLong = asLong(maximum);
        exclusiveMaximum = name.startsWith("exclusive");
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  void check(JsonNode value, boolean whole, Place at, List<Schema.Violation> out, boolean rewrite) {
    boolean boundsInLong =
        (minimum == null || minimumLong != null) && (maximum == null || maximumLong != null);
    if (boundsInLong && value.isIntegralNumber() && value.canConvertToLong()) {
      // The common case, without BigDecimal: a whole number within a long.
      long n = value.longValue();
      below(minimum != null && (n < minimumLong || exclusiveMinimum && n == minimumLong), at, out);
      above(maximum != null && (n > maximumLong || exclusiveMaximum && n == maximumLong), at, out);
      return;
    }
    BigDecimal n = value.decimalValue();
    if (whole && value.isFloatingPointNumber()) {
      if (!SchemaFormats.fitsLong(n)) {
        out.add(
            new Schema.Violation(
                at.pointer(), "must be a whole number from -2^63 to 2^63-1", true));
        return;
      }
      if (rewrite) {
        at.replace(LongNode.valueOf(n.longValueExact()));
      }
    }
    if (minimum != null) {
      int c = n.compareTo(minimum);
      below(c < 0 || exclusiveMinimum && c == 0, at, out);
    }
    if (maximum != null) {
      int c = n.compareTo(maximum);
      above(c > 0 || exclusiveMaximum && c == 0, at, out);
    }
  }

  private void below(boolean broken, Place at, List<Schema.Violation> out) {
    if (broken) {
      out.add(
          new Schema.Violation(
              at.pointer(),
              "must be " + (exclusiveMinimum ? "more than " : "at least ") + plain(minimum),
              false));
    }
  }

  private void above(boolean broken, Place at, List<Schema.Violation> out) {
    if (broken) {
      out.add(
          new Schema.Violation(
              at.pointer(),
              "must be " + (exclusiveMaximum ? "less than " : "at most ") + plain(maximum),
              false));
    }
  }

  private static Long asLong(BigDecimal bound) {
    return SchemaFormats.fitsLong(bound) ? bound.longValueExact() : null;
  }

  private static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }
}
