package io.kasa.devices.profile;

import io.kasa.devices.escpos.CodePage;
import io.kasa.devices.escpos.DrawerPulse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What one printer model can do, as data. Every profile says where its facts come from ({@link
 * #sources}): an escpos-printer-db entry (see NOTICE), a vendor's manual, or "assumed, unverified"
 * where neither could be checked; a technician can override any field per device (ADR 0034).
 *
 * @param id stable identifier, e.g. {@code epson-tm-t20iii}
 * @param name display name
 * @param vendor manufacturer
 * @param paperWidthDots printable width in dots (384 on 58 mm, 512 or 576 on 80 mm)
 * @param columnsFontA characters per line in font A
 * @param columnsFontB characters per line in font B
 * @param codePages code page → the number that selects it on this model, in order of preference
 * @param pageCommand the command those numbers go with: Epson's {@code ESC t n} or Star's {@code
 *     ESC GS t n}
 * @param fullCut whether the cutter can cut fully
 * @param partialCut whether the cutter can cut partially
 * @param feedAndCut whether {@code GS V 65/66 n} (feed then cut) is understood
 * @param cutFeedLines lines to feed before cutting so the cut lands below the last line
 * @param qrCode whether {@code GS ( k} QR codes print
 * @param rasterImage whether {@code GS v 0} raster images print
 * @param nvGraphics whether logos can be stored in and printed from NV memory ({@code GS ( L})
 * @param realTimeStatus whether the printer answers {@code DLE EOT n}
 * @param drawerPin default drawer pin: 2 or 5
 * @param drawerOnMillis default pulse on-time
 * @param drawerOffMillis default pulse off-time
 * @param drawerCommand the command that carries the pulse ({@code ESC_P} when the profile does not
 *     say; {@code DLE_DC4} for printers that need the real-time pulse)
 * @param sources where the facts come from, for each of {@link #SOURCE_KEYS}: {@code
 *     "escpos-printer-db TM-T20III"}, {@code "manual: …"}, or {@code "assumed, unverified: …"}
 */
public record PrinterProfile(
    String id,
    String name,
    String vendor,
    int paperWidthDots,
    int columnsFontA,
    int columnsFontB,
    LinkedHashMap<CodePage, Integer> codePages,
    PageCommand pageCommand,
    boolean fullCut,
    boolean partialCut,
    boolean feedAndCut,
    int cutFeedLines,
    boolean qrCode,
    boolean rasterImage,
    boolean nvGraphics,
    boolean realTimeStatus,
    int drawerPin,
    int drawerOnMillis,
    int drawerOffMillis,
    DrawerPulse.Command drawerCommand,
    LinkedHashMap<String, String> sources) {

  /** How a model selects a code page. */
  public enum PageCommand {
    /** {@code ESC t n}, numbered as the model's ESC/POS table. */
    ESC_T,
    /** {@code ESC GS t n}: Star's own command and numbering (escpos-printer-db "starCommands"). */
    ESC_GS_T;

    /** As the manuals write it: {@code ESC t n} or {@code ESC GS t n}. */
    public String mnemonic() {
      return this == ESC_T ? "ESC t n" : "ESC GS t n";
    }
  }

  /** The facts each profile gives a source for. */
  public static final List<String> SOURCE_KEYS =
      List.of("codePages", "columns", "paperWidthDots", "features");

  /** How a source that could not be checked begins. */
  public static final String UNVERIFIED = "assumed, unverified";

  /** The source of a fact a technician set on the device, replacing the profile's. */
  public static final String TECHNICIAN = "technician's setting";

  public PrinterProfile {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(pageCommand, () -> "Profile " + id + " needs a pageCommand");
    sources = new LinkedHashMap<>(Objects.requireNonNull(sources, "Profile " + id + " sources"));
    for (String key : SOURCE_KEYS) {
      String source = sources.get(key);
      if (source == null || source.isBlank()) {
        throw new IllegalArgumentException(
            "Profile " + id + " must say where its " + key + " come from (sources." + key + ")");
      }
    }
    for (String key : sources.keySet()) {
      if (!SOURCE_KEYS.contains(key)) {
        throw new IllegalArgumentException(
            "Profile " + id + ": unknown source '" + key + "' (known: " + SOURCE_KEYS + ")");
      }
    }
    codePages = new LinkedHashMap<>(Objects.requireNonNull(codePages, "codePages"));
    if (codePages.isEmpty()) {
      throw new IllegalArgumentException("Profile " + id + " needs at least one code page");
    }
    for (Map.Entry<CodePage, Integer> e : codePages.entrySet()) {
      if (e.getValue() < 0 || e.getValue() > 255) {
        throw new IllegalArgumentException(
            "Profile "
                + id
                + ": code page number "
                + e.getValue()
                + " of "
                + e.getKey()
                + " is not a byte");
      }
    }
    if (paperWidthDots < 8 || paperWidthDots % 8 != 0) {
      throw new IllegalArgumentException(
          "Profile "
              + id
              + ": paper width "
              + paperWidthDots
              + " must be a positive multiple of 8 dots");
    }
    if (columnsFontA < 16 || columnsFontB < columnsFontA) {
      throw new IllegalArgumentException(
          "Profile " + id + ": implausible columns " + columnsFontA + "/" + columnsFontB);
    }
    if (drawerCommand == null) {
      drawerCommand = DrawerPulse.Command.ESC_P;
    }
    try {
      DrawerPulse pulse =
          new DrawerPulse(drawerPin, drawerCommand, drawerOnMillis, drawerOffMillis);
      drawerOnMillis = pulse.onMillis();
      drawerOffMillis = pulse.offMillis();
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("Profile " + id + ": " + e.getMessage(), e);
    }
    if (cutFeedLines < 0 || cutFeedLines > 255) {
      throw new IllegalArgumentException("Profile " + id + ": cut feed must be 0-255 lines");
    }
  }

  /** The code pages in order of preference. */
  public List<CodePage> pages() {
    return new ArrayList<>(codePages.keySet());
  }

  /** The number of {@code page} on this model, for {@link #pageCommand}. */
  public int numberOf(CodePage page) {
    Integer n = codePages.get(page);
    if (n == null) {
      throw new IllegalArgumentException(id + " has no code page " + page);
    }
    return n;
  }

  /** The facts whose source is "assumed, unverified", in {@link #SOURCE_KEYS} order. */
  public List<String> unverified() {
    List<String> out = new ArrayList<>();
    for (String key : SOURCE_KEYS) {
      if (sources.get(key).toLowerCase(Locale.ROOT).startsWith(UNVERIFIED)) {
        out.add(key);
      }
    }
    return out;
  }

  /** Whether every fact of this profile comes from a checked source. */
  public boolean verified() {
    return unverified().isEmpty();
  }

  /** The profile's default drawer pulse. */
  public DrawerPulse drawerPulse() {
    return new DrawerPulse(drawerPin, drawerCommand, drawerOnMillis, drawerOffMillis);
  }

  /** Whether the printer has any cutter. */
  public boolean hasCutter() {
    return fullCut || partialCut;
  }
}
