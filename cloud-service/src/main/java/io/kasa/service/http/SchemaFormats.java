package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The formats and regular expressions of the API document, as JSON Schema defines them. */
final class SchemaFormats {

  /** A format's check; answers whether the value passed. */
  interface Format {
    boolean check(JsonNode value, Place at, List<Schema.Violation> out, boolean rewrite);
  }

  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
  private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

  private static final Pattern UUID =
      Pattern.compile(
          "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

  /** RFC 3339's date-time: ASCII digits, T and Z in either case, any number of fraction digits. */
  private static final Pattern DATE_TIME =
      Pattern.compile(
          "([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt]([0-9]{2}):([0-9]{2}):([0-9]{2})(\\.[0-9]+)?"
              + "(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))");

  private SchemaFormats() {}

  static Format named(String name, String where) {
    return switch (name) {
      case "uuid" -> SchemaFormats::uuid;
      case "date-time" -> SchemaFormats::dateTime;
      case "int64" -> (v, at, out, rewrite) -> range(v, at, out, LONG_MIN, LONG_MAX);
      case "int32" -> (v, at, out, rewrite) -> range(v, at, out, INT_MIN, INT_MAX);
      default ->
          throw new IllegalArgumentException(
              "The API document uses format " + name + " at " + where + ", which is not checked");
    };
  }

  /**
   * A JSON Schema (ECMA-262) regular expression as a Java one: {@code $} outside a character class
   * is the end of the text only (Java's also matches before a final line break).
   */
  static Pattern ecmaPattern(String ecma) {
    StringBuilder java = new StringBuilder(ecma.length() + 4);
    boolean escaped = false;
    boolean inClass = false;
    for (char c : ecma.toCharArray()) {
      if (escaped) {
        escaped = false;
        java.append(c);
      } else if (c == '\\') {
        escaped = true;
        java.append(c);
      } else if (inClass) {
        inClass = c != ']';
        java.append(c);
      } else if (c == '[') {
        inClass = true;
        java.append(c);
      } else {
        java.append(c == '$' ? "\\z" : String.valueOf(c));
      }
    }
    return Pattern.compile(java.toString());
  }

  static boolean isWhole(BigDecimal n) {
    return n.signum() == 0 || n.scale() <= 0 || n.stripTrailingZeros().scale() <= 0;
  }

  static boolean fitsLong(BigDecimal n) {
    return isWhole(n)
        && n.precision() - n.scale() <= 19
        && n.compareTo(LONG_MIN) >= 0
        && n.compareTo(LONG_MAX) <= 0;
  }

  private static boolean range(
      JsonNode value, Place at, List<Schema.Violation> out, BigDecimal min, BigDecimal max) {
    if (!value.isNumber()) {
      return true;
    }
    if (value.isIntegralNumber() && value.canConvertToLong()) {
      long n = value.longValue();
      if (n >= min.longValue() && n <= max.longValue()) {
        return true;
      }
    }
    BigDecimal n = value.decimalValue();
    // Digits first: comparing a number with a huge exponent is cheap this way.
    if (n.precision() - n.scale() > 20 || n.compareTo(min) < 0 || n.compareTo(max) > 0) {
      out.add(
          new Schema.Violation(
              at.pointer(),
              "must be a whole number from " + min.toPlainString() + " to " + max.toPlainString(),
              true));
      return false;
    }
    return true;
  }

  private static boolean uuid(
      JsonNode value, Place at, List<Schema.Violation> out, boolean rewrite) {
    if (value.isTextual() && !UUID.matcher(value.textValue()).matches()) {
      out.add(
          new Schema.Violation(
              at.pointer(), "must be a UUID such as 3f2c1a9e-5b7d-4c2e-9a41-0d6b8e7f1c23", false));
      return false;
    }
    return true;
  }

  /**
   * Checks an RFC 3339 date-time and rewrites it as the instant the records read ({@code
   * 2026-11-27T10:00:00Z}): lower-case t and z, offsets, fractions of any length and a leap second
   * are all RFC 3339.
   */
  private static boolean dateTime(
      JsonNode value, Place at, List<Schema.Violation> out, boolean rewrite) {
    if (!value.isTextual()) {
      return true;
    }
    Matcher m = DATE_TIME.matcher(value.textValue());
    java.time.Instant instant = m.matches() ? instant(m) : null;
    if (instant == null) {
      out.add(
          new Schema.Violation(
              at.pointer(), "must be an RFC 3339 date-time such as 2026-11-27T10:00:00Z", false));
      return false;
    }
    if (rewrite) {
      at.replace(TextNode.valueOf(instant.toString()));
    }
    return true;
  }

  private static java.time.Instant instant(Matcher m) {
    try {
      int second = Integer.parseInt(m.group(6));
      String fraction = m.group(7) == null ? "" : m.group(7).substring(1);
      int nanos =
          fraction.isEmpty() ? 0 : Integer.parseInt((fraction + "00000000").substring(0, 9));
      int offset =
          m.group(8) != null
              ? 0
              : offset(m.group(9), Integer.parseInt(m.group(10)), Integer.parseInt(m.group(11)));
      if (offset == Integer.MIN_VALUE || second > 60) {
        return null;
      }
      LocalDateTime local =
          LocalDateTime.of(
              Integer.parseInt(m.group(1)),
              Integer.parseInt(m.group(2)),
              Integer.parseInt(m.group(3)),
              Integer.parseInt(m.group(4)),
              Integer.parseInt(m.group(5)),
              Math.min(second, 59),
              nanos);
      // RFC 3339 allows offsets up to 23:59, beyond java.time's 18 hours.
      java.time.Instant instant =
          java.time.Instant.ofEpochSecond(local.toEpochSecond(ZoneOffset.UTC) - offset, nanos);
      if (second == 60) {
        // A leap second ends a UTC day; it is read as the last second of that day.
        java.time.LocalTime utc = instant.atOffset(ZoneOffset.UTC).toLocalTime();
        if (utc.getHour() != 23 || utc.getMinute() != 59) {
          return null;
        }
      }
      return instant;
    } catch (DateTimeException | NumberFormatException e) {
      return null;
    }
  }

  /** The offset in seconds, or {@link Integer#MIN_VALUE} when it is not one. */
  private static int offset(String sign, int hours, int minutes) {
    if (hours > 23 || minutes > 59) {
      return Integer.MIN_VALUE;
    }
    int seconds = (hours * 60 + minutes) * 60;
    return "-".equals(sign) ? -seconds : seconds;
  }
}
