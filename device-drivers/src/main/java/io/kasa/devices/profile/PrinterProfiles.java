package io.kasa.devices.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasa.devices.escpos.CodePage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The built-in printer profiles, and overrides of their fields for one device. */
public final class PrinterProfiles {

  private static final String BASE = "/io/kasa/devices/profile/";
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** Which {@link PrinterProfile#sources} entry a field's value comes under. */
  private static final Map<String, String> FACT_OF_FIELD =
      Map.ofEntries(
          Map.entry("codePages", "codePages"),
          Map.entry("pageCommand", "codePages"),
          Map.entry("columnsFontA", "columns"),
          Map.entry("columnsFontB", "columns"),
          Map.entry("paperWidthDots", "paperWidthDots"),
          Map.entry("fullCut", "features"),
          Map.entry("partialCut", "features"),
          Map.entry("feedAndCut", "features"),
          Map.entry("qrCode", "features"),
          Map.entry("rasterImage", "features"),
          Map.entry("nvGraphics", "features"));

  private final Map<String, PrinterProfile> byId;

  private PrinterProfiles(Map<String, PrinterProfile> byId) {
    this.byId = Collections.unmodifiableMap(byId);
  }

  /** Loads every profile listed in the module's {@code profiles.list}. */
  public static PrinterProfiles builtIn() {
    Map<String, PrinterProfile> profiles = new LinkedHashMap<>();
    for (String file : readList()) {
      PrinterProfile p = read(file);
      if (profiles.put(p.id(), p) != null) {
        throw new IllegalStateException("Duplicate printer profile id " + p.id());
      }
    }
    return new PrinterProfiles(profiles);
  }

  public List<PrinterProfile> all() {
    return new ArrayList<>(byId.values());
  }

  public Optional<PrinterProfile> find(String id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The profile {@code id}; an unknown id names the known ones. */
  public PrinterProfile get(String id) {
    PrinterProfile p = byId.get(id);
    if (p == null) {
      throw new IllegalArgumentException(
          "Unknown printer profile '" + id + "'; known: " + String.join(", ", byId.keySet()));
    }
    return p;
  }

  /** The profile used when a technician has not chosen one. */
  public PrinterProfile defaultProfile() {
    return get("generic-80mm");
  }

  /**
   * {@code base} with some fields replaced, as a technician configures a device: values are written
   * as in the profile JSON ({@code "columnsFontA": "42"}, {@code "qrCode": "false"}, {@code
   * "codePages": "CP1251:73,CP866:59"}, {@code "pageCommand": "ESC_T"}). A fact whose value changes
   * gets the source "technician's setting"; the same pages in another order keep theirs. Unknown
   * fields, the id, the sources and invalid values are rejected with a message naming them.
   */
  public static PrinterProfile withOverrides(PrinterProfile base, Map<String, String> overrides) {
    ObjectNode node = JSON.valueToTree(base);
    for (Map.Entry<String, String> e : overrides.entrySet()) {
      String field = e.getKey();
      String value = e.getValue().trim();
      JsonNode current = node.get(field);
      if (current == null) {
        throw new IllegalArgumentException("Unknown printer profile field '" + field + "'");
      }
      if (field.equals("sources") || field.equals("id")) {
        throw new IllegalArgumentException(
            "A printer profile's " + field + " cannot be overridden");
      }
      if (field.equals("codePages")) {
        ObjectNode pages = JSON.createObjectNode();
        for (String pair : value.split(",")) {
          String[] kv = pair.trim().split(":");
          if (kv.length != 2) {
            throw new IllegalArgumentException(
                "codePages must look like CP1251:73,CP866:59, not '" + value + "'");
          }
          pages.put(pageName(kv[0].trim()), parseInt(field, kv[1].trim()));
        }
        node.set(field, pages);
      } else if (current.isBoolean()) {
        if (!value.equals("true") && !value.equals("false")) {
          throw new IllegalArgumentException(field + " must be true or false, not '" + value + "'");
        }
        node.put(field, Boolean.parseBoolean(value));
      } else if (current.isInt()) {
        node.put(field, parseInt(field, value));
      } else {
        node.put(field, value);
      }
      // Only a changed fact is the technician's: reordering the same pages keeps their source.
      String fact = FACT_OF_FIELD.get(field);
      if (fact != null && !current.equals(node.get(field))) {
        ((ObjectNode) node.get("sources")).put(fact, PrinterProfile.TECHNICIAN);
      }
    }
    try {
      return JSON.treeToValue(node, PrinterProfile.class);
    } catch (IOException | IllegalArgumentException e) {
      throw new IllegalArgumentException("Invalid printer profile override: " + rootMessage(e), e);
    }
  }

  private static String pageName(String id) {
    try {
      return CodePage.fromId(id).name();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "Unknown code page '" + id + "' (known: " + Arrays.toString(CodePage.values()) + ")", e);
    }
  }

  private static int parseInt(String field, String value) {
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(field + " must be a whole number, not '" + value + "'", e);
    }
  }

  private static String rootMessage(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null) {
      t = t.getCause();
    }
    return t.getMessage();
  }

  private static List<String> readList() {
    List<String> files = new ArrayList<>();
    try (InputStream in = open("profiles.list");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (!line.isBlank() && !line.startsWith("#")) {
          files.add(line.trim());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return files;
  }

  private static PrinterProfile read(String file) {
    try (InputStream in = open(file)) {
      return JSON.readValue(in, PrinterProfile.class);
    } catch (IOException e) {
      throw new IllegalStateException(
          "Printer profile " + file + " is invalid: " + rootMessage(e), e);
    }
  }

  private static InputStream open(String file) throws IOException {
    InputStream in = PrinterProfiles.class.getResourceAsStream(BASE + file);
    if (in == null) {
      throw new IOException("Missing resource " + BASE + file);
    }
    return in;
  }
}
