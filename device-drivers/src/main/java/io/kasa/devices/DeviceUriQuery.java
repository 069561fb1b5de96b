package io.kasa.devices;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Query-string helpers with errors that name the parameter. */
final class DeviceUriQuery {

  private DeviceUriQuery() {}

  static Map<String, String> parse(String uri, String query) {
    Map<String, String> out = new LinkedHashMap<>();
    if (query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq <= 0) {
        throw new InvalidDeviceUriException(uri, "parameter '" + pair + "' must be name=value");
      }
      if (out.put(pair.substring(0, eq), pair.substring(eq + 1)) != null) {
        throw new InvalidDeviceUriException(
            uri, "parameter '" + pair.substring(0, eq) + "' given twice");
      }
    }
    return out;
  }

  static void allow(String uri, Map<String, String> p, Set<String> names) {
    for (String name : p.keySet()) {
      if (!names.contains(name)) {
        throw new InvalidDeviceUriException(
            uri,
            "unknown parameter '"
                + name
                + "'"
                + (names.isEmpty()
                    ? ""
                    : " (allowed: " + String.join(", ", names.stream().sorted().toList()) + ")"));
      }
    }
  }

  static int integer(String uri, Map<String, String> p, String name, int dflt, int min, int max) {
    String v = p.get(name);
    if (v == null) {
      return dflt;
    }
    int value;
    try {
      value = Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new InvalidDeviceUriException(uri, name + " '" + v + "' is not a number");
    }
    if (value < min || value > max) {
      throw new InvalidDeviceUriException(
          uri, name + " " + value + " is out of range " + min + "-" + max);
    }
    return value;
  }

  static <E extends Enum<E>> E choice(
      String uri, Map<String, String> p, String name, E dflt, Class<E> type) {
    String v = p.get(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Enum.valueOf(type, v.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      StringBuilder allowed = new StringBuilder();
      for (E c : type.getEnumConstants()) {
        allowed.append(allowed.length() == 0 ? "" : ", ").append(c.name().toLowerCase(Locale.ROOT));
      }
      throw new InvalidDeviceUriException(uri, name + " '" + v + "' must be one of " + allowed);
    }
  }
}
