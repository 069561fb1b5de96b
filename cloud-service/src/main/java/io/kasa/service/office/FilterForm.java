package io.kasa.service.office;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.UUID;

/**
 * What the journal screens (Sales, Shifts, Audit) share of their filter forms: reading a day or an
 * id from the form's values, naming the field that does not read, and the address of a page with
 * its filters and cursor.
 */
final class FilterForm {

  private FilterForm() {}

  /** A filter the form could not read: its field's name. */
  static final class BadFilter extends Exception {
    private static final long serialVersionUID = 1L;
    final String name;

    BadFilter(String name) {
      super(name, null, false, false);
      this.name = name;
    }
  }

  /** {@code path} with {@code values} and {@code cursor} (null for the first page). */
  static String address(String path, Map<String, String> values, String cursor) {
    StringBuilder out = new StringBuilder(path);
    char sep = '?';
    for (Map.Entry<String, String> e : values.entrySet()) {
      out.append(sep).append(e.getKey()).append('=').append(encode(e.getValue()));
      sep = '&';
    }
    if (cursor != null) {
      out.append(sep).append("cursor=").append(encode(cursor));
    }
    return out.toString();
  }

  /** The day in field {@code name} (yyyy-mm-dd, as a date input sends it), or null. */
  static LocalDate date(Map<String, String> v, String name) throws BadFilter {
    String s = v.get(name);
    try {
      return s == null ? null : LocalDate.parse(s);
    } catch (DateTimeParseException e) {
      throw new BadFilter(name);
    }
  }

  /** The id in field {@code name}, or null. */
  static UUID id(Map<String, String> v, String name) throws BadFilter {
    String s = v.get(name);
    try {
      return s == null ? null : UUID.fromString(s);
    } catch (IllegalArgumentException e) {
      throw new BadFilter(name);
    }
  }

  private static String encode(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }
}
