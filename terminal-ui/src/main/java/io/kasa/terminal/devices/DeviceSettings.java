package io.kasa.terminal.devices;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.escpos.CodePage;
import io.kasa.devices.escpos.DrawerPulse;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.scanner.ControlNames;
import io.kasa.devices.scanner.ScanFraming;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a technician sets for a terminal's devices, as kept in its local settings (and backed
 * up to the service under the same names): which device each role uses, and how.
 *
 * @param printerUri the receipt printer ({@code serial:…}, {@code usb:…}, {@code tcp:…}, {@code
 *     sim:printer})
 * @param printerProfile its profile id
 * @param codePage the code page to prefer (e.g. CP866), or empty for the profile's order
 * @param paperMm 58 or 80, or 0 for the profile's paper
 * @param kitchenPrinterUri the kitchen printer, or empty for none
 * @param kitchenPrinterProfile its profile id
 * @param kitchenStations the kitchen stations (ids, separated by commas, e.g. {@code hot,bar}) this
 *     terminal's kitchen printer prints for (ADR 0053); empty: it prints no kitchen tickets
 * @param kitchenFallbackUri the printer the kitchen tickets go to while the kitchen printer is down
 *     (ADR 0057), or empty for none
 * @param kitchenFallbackProfile its profile id
 * @param drawerUri the cash drawer's own port ({@code serial:…}, {@code sim:drawer}), or empty when
 *     it is wired to the receipt printer and kicked through it
 * @param drawerPin 2 or 5: the connector pin the drawer's solenoid is wired to
 * @param drawerPulseMs the pulse's on-time: 2–510 ms for {@code ESC p} (rounded up to 2 ms),
 *     100–800 ms for {@code DLE DC4} (rounded up to 100 ms); see {@link DrawerPulse}
 * @param drawerPulseOffMs the pulse's off-time, at least the on-time ({@code DLE DC4} uses the
 *     on-time)
 * @param drawerCommand {@code ESC_P} or {@code DLE_DC4} (the real-time pulse some printers need)
 * @param drawerOpenHigh whether the drawer's switch reads high when it is open
 * @param scannerUri a serial or simulated scanner, or empty for keyboard-wedge scanners only
 * @param scannerPrefix what the scanner sends before each code (often nothing), control characters
 *     by their ASCII names ({@code <STX>}); a scan without it is refused
 * @param scannerSuffix what the scanner sends after each code, before the terminator (often
 *     nothing), written as the prefix
 * @param scannerTerminator CR, LF, CRLF, TAB or ANY
 * @param printerLogoKey the key of the logo the technician stored in the receipt printer's memory,
 *     printed at the top of every receipt; empty for none
 */
public record DeviceSettings(
    String printerUri,
    String printerProfile,
    String codePage,
    int paperMm,
    String kitchenPrinterUri,
    String kitchenPrinterProfile,
    String kitchenStations,
    String kitchenFallbackUri,
    String kitchenFallbackProfile,
    String drawerUri,
    int drawerPin,
    int drawerPulseMs,
    int drawerPulseOffMs,
    String drawerCommand,
    boolean drawerOpenHigh,
    String scannerUri,
    String scannerPrefix,
    String scannerSuffix,
    String scannerTerminator,
    String printerLogoKey) {

  public static final String PRINTER_URI = DeviceChoice.PRINTER_URI;
  public static final String PRINTER_PROFILE = DeviceChoice.PRINTER_PROFILE;
  public static final String CODE_PAGE = "printer-code-page";
  public static final String PAPER = "printer-paper-mm";
  public static final String KITCHEN_URI = "kitchen-printer-uri";
  public static final String KITCHEN_PROFILE = "kitchen-printer-profile";
  public static final String KITCHEN_STATIONS = "kitchen-stations";
  public static final String KITCHEN_FALLBACK_URI = "kitchen-fallback-uri";
  public static final String KITCHEN_FALLBACK_PROFILE = "kitchen-fallback-profile";
  public static final String DRAWER_URI = "drawer-uri";
  public static final String DRAWER_PIN = "drawer-pin";
  public static final String DRAWER_PULSE = "drawer-pulse-ms";
  public static final String DRAWER_PULSE_OFF = "drawer-pulse-off-ms";
  public static final String DRAWER_COMMAND = "drawer-command";
  public static final String DRAWER_OPEN_HIGH = "drawer-open-high";
  public static final String SCANNER_URI = DeviceChoice.SCANNER_URI;
  public static final String SCANNER_PREFIX = "scanner-prefix";
  public static final String SCANNER_SUFFIX = "scanner-suffix";
  public static final String SCANNER_TERMINATOR = "scanner-terminator";
  public static final String PRINTER_LOGO = "printer-logo-key";

  /** Every setting name, in the order a summary lists them. */
  public static final List<String> NAMES =
      List.of(
          PRINTER_URI,
          PRINTER_PROFILE,
          CODE_PAGE,
          PAPER,
          KITCHEN_URI,
          KITCHEN_PROFILE,
          KITCHEN_STATIONS,
          KITCHEN_FALLBACK_URI,
          KITCHEN_FALLBACK_PROFILE,
          DRAWER_URI,
          DRAWER_PIN,
          DRAWER_PULSE,
          DRAWER_PULSE_OFF,
          DRAWER_COMMAND,
          DRAWER_OPEN_HIGH,
          SCANNER_URI,
          SCANNER_PREFIX,
          SCANNER_SUFFIX,
          SCANNER_TERMINATOR,
          PRINTER_LOGO);

  /** The settings as stored, with defaults for what was never set. */
  public static DeviceSettings read(Function<String, Optional<String>> setting) {
    String profileId = setting.apply(PRINTER_PROFILE).orElse(DeviceChoice.DEFAULT_PROFILE);
    // What was never set comes from the receipt printer's profile, as the kick command does.
    Optional<DrawerPulse> profilePulse =
        PrinterProfiles.builtIn().find(profileId).map(PrinterProfile::drawerPulse);
    return new DeviceSettings(
        setting.apply(PRINTER_URI).orElse("sim:printer"),
        profileId,
        setting.apply(CODE_PAGE).orElse(""),
        number(setting.apply(PAPER), 0),
        setting.apply(KITCHEN_URI).orElse(""),
        setting.apply(KITCHEN_PROFILE).orElse(DeviceChoice.DEFAULT_PROFILE),
        String.join(",", stationIds(setting.apply(KITCHEN_STATIONS).orElse(""))),
        setting.apply(KITCHEN_FALLBACK_URI).orElse(""),
        setting.apply(KITCHEN_FALLBACK_PROFILE).orElse(DeviceChoice.DEFAULT_PROFILE),
        setting.apply(DRAWER_URI).orElse(""),
        number(setting.apply(DRAWER_PIN), 2),
        number(setting.apply(DRAWER_PULSE), profilePulse.map(DrawerPulse::onMillis).orElse(100)),
        number(
            setting.apply(DRAWER_PULSE_OFF), profilePulse.map(DrawerPulse::offMillis).orElse(200)),
        setting
            .apply(DRAWER_COMMAND)
            .orElse(profilePulse.map(p -> p.command().name()).orElse("ESC_P")),
        setting.apply(DRAWER_OPEN_HIGH).map(Boolean::parseBoolean).orElse(true),
        setting.apply(SCANNER_URI).orElse(""),
        setting.apply(SCANNER_PREFIX).orElse(""),
        setting.apply(SCANNER_SUFFIX).orElse(""),
        setting.apply(SCANNER_TERMINATOR).orElse("ANY"),
        setting.apply(PRINTER_LOGO).orElse(""));
  }

  /** The settings by name, as stored and backed up. */
  public Map<String, String> toMap() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(PRINTER_URI, printerUri);
    m.put(PRINTER_PROFILE, printerProfile);
    m.put(CODE_PAGE, codePage);
    m.put(PAPER, Integer.toString(paperMm));
    m.put(KITCHEN_URI, kitchenPrinterUri);
    m.put(KITCHEN_PROFILE, kitchenPrinterProfile);
    m.put(KITCHEN_STATIONS, kitchenStations);
    m.put(KITCHEN_FALLBACK_URI, kitchenFallbackUri);
    m.put(KITCHEN_FALLBACK_PROFILE, kitchenFallbackProfile);
    m.put(DRAWER_URI, drawerUri);
    m.put(DRAWER_PIN, Integer.toString(drawerPin));
    m.put(DRAWER_PULSE, Integer.toString(drawerPulseMs));
    m.put(DRAWER_PULSE_OFF, Integer.toString(drawerPulseOffMs));
    m.put(DRAWER_COMMAND, drawerCommand);
    m.put(DRAWER_OPEN_HIGH, Boolean.toString(drawerOpenHigh));
    m.put(SCANNER_URI, scannerUri);
    m.put(SCANNER_PREFIX, scannerPrefix);
    m.put(SCANNER_SUFFIX, scannerSuffix);
    m.put(SCANNER_TERMINATOR, scannerTerminator);
    m.put(PRINTER_LOGO, printerLogoKey);
    return m;
  }

  /**
   * What is wrong with these settings, in words of {@code m}, each naming the setting; empty when
   * they can be used.
   */
  public List<String> problems(io.kasa.terminal.i18n.Messages m) {
    List<String> out = new ArrayList<>();
    uri(PRINTER_URI, printerUri, false, out, m);
    uri(KITCHEN_URI, kitchenPrinterUri, true, out, m);
    uri(DRAWER_URI, drawerUri, true, out, m);
    uri(SCANNER_URI, scannerUri, true, out, m);
    profile(PRINTER_PROFILE, printerProfile, out, m);
    if (!kitchenPrinterUri.isBlank()) {
      profile(KITCHEN_PROFILE, kitchenPrinterProfile, out, m);
    }
    kitchenProblems(out, m);
    if (!codePage.isBlank()) {
      try {
        CodePage page = CodePage.fromId(codePage);
        PrinterProfiles.builtIn()
            .find(printerProfile)
            .filter(p -> !p.codePages().containsKey(page))
            .ifPresent(p -> out.add(m.get("tech.problem.page", CODE_PAGE, p.name(), codePage)));
      } catch (IllegalArgumentException e) {
        out.add(m.get("tech.problem.unknownPage", CODE_PAGE, codePage));
      }
    }
    if (paperMm != 0 && paperMm != 58 && paperMm != 80) {
      out.add(m.get("tech.problem.paper", PAPER));
    }
    if (drawerPin != 2 && drawerPin != 5) {
      out.add(m.get("tech.problem.pin", DRAWER_PIN));
    }
    pulseProblems(out, m);
    try {
      ScanFraming.Terminator.valueOf(scannerTerminator);
    } catch (IllegalArgumentException e) {
      out.add(m.get("tech.problem.terminator", SCANNER_TERMINATOR));
    }
    framingText(SCANNER_PREFIX, scannerPrefix, out, m);
    framingText(SCANNER_SUFFIX, scannerSuffix, out, m);
    if (!printerLogoKey.isEmpty() && !printerLogoKey.matches("[\\x20-\\x7e]{2}")) {
      out.add(m.get("tech.problem.logo", PRINTER_LOGO));
    }
    return out;
  }

  /** The stations by id, in the order set. */
  public List<String> stations() {
    return stationIds(kitchenStations);
  }

  /** Ids separated by commas, blanks and repeats left out. */
  public static List<String> stationIds(String csv) {
    return java.util.Arrays.stream(csv.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .distinct()
        .toList();
  }

  /**
   * The kitchen's settings together (ADR 0057): a fallback needs a kitchen printer to stand in for
   * and must be another printer; stations need a printer to print on; station ids are the service's
   * (letters, digits, {@code _ . -}).
   */
  private void kitchenProblems(List<String> out, io.kasa.terminal.i18n.Messages m) {
    uri(KITCHEN_FALLBACK_URI, kitchenFallbackUri, true, out, m);
    if (!kitchenFallbackUri.isBlank()) {
      profile(KITCHEN_FALLBACK_PROFILE, kitchenFallbackProfile, out, m);
      if (kitchenPrinterUri.isBlank()) {
        out.add(m.get("tech.problem.fallbackAlone", KITCHEN_FALLBACK_URI, KITCHEN_URI));
      } else if (kitchenFallbackUri.strip().equals(kitchenPrinterUri.strip())) {
        out.add(m.get("tech.problem.fallbackSame", KITCHEN_FALLBACK_URI, KITCHEN_URI));
      }
    }
    if (!stations().isEmpty() && kitchenPrinterUri.isBlank()) {
      out.add(m.get("tech.problem.stationsNoPrinter", KITCHEN_STATIONS, KITCHEN_URI));
    }
    for (String id : stations()) {
      if (!id.matches("[A-Za-z0-9_.-]{1,64}")) {
        out.add(m.get("tech.problem.station", KITCHEN_STATIONS, id));
      }
    }
  }

  /** The drawer pulse of these settings; throws when {@link #problems} names one. */
  public DrawerPulse drawerPulse() {
    return new DrawerPulse(
        drawerPin, DrawerPulse.Command.parse(drawerCommand), drawerPulseMs, drawerPulseOffMs);
  }

  /** The pulse checked by {@link DrawerPulse}'s rules, each problem naming its setting. */
  private void pulseProblems(List<String> out, io.kasa.terminal.i18n.Messages m) {
    DrawerPulse.Command command;
    try {
      command = DrawerPulse.Command.parse(drawerCommand);
    } catch (IllegalArgumentException e) {
      out.add(m.get("tech.problem.drawerCommand", DRAWER_COMMAND));
      return;
    }
    if (drawerPin != 2 && drawerPin != 5) {
      return; // said above
    }
    try {
      new DrawerPulse(drawerPin, command, drawerPulseMs, drawerPulseMs);
    } catch (IllegalArgumentException e) {
      out.add(m.get("tech.problem.pulse", DRAWER_PULSE, command.min, command.max));
      return;
    }
    try {
      drawerPulse();
    } catch (IllegalArgumentException e) {
      int on = new DrawerPulse(drawerPin, command, drawerPulseMs, drawerPulseMs).onMillis();
      out.add(m.get("tech.problem.pulseOff", DRAWER_PULSE_OFF, on, command.max));
    }
  }

  /** The receipt printer's profile with the code page and paper chosen here. */
  public PrinterProfile receiptProfile() {
    PrinterProfile base = PrinterProfiles.builtIn().get(printerProfile);
    Map<String, String> overrides = new LinkedHashMap<>();
    if (!codePage.isBlank()) {
      CodePage first = CodePage.fromId(codePage);
      StringBuilder pages = new StringBuilder(first.id() + ":" + base.codePages().get(first));
      base.codePages()
          .forEach(
              (page, n) -> {
                if (page != first) {
                  pages.append(',').append(page.id()).append(':').append(n);
                }
              });
      overrides.put("codePages", pages.toString());
    }
    if (paperMm == 58) {
      overrides.put("paperWidthDots", "384");
      overrides.put("columnsFontA", "32");
      overrides.put("columnsFontB", "42");
    } else if (paperMm == 80) {
      overrides.put("paperWidthDots", "576");
      overrides.put("columnsFontA", "48");
      overrides.put("columnsFontB", "64");
    }
    return overrides.isEmpty() ? base : PrinterProfiles.withOverrides(base, overrides);
  }

  /** How the scanner frames its codes. */
  public ScanFraming scanFraming() {
    return new ScanFraming(
        ControlNames.decode(scannerPrefix),
        ControlNames.decode(scannerSuffix),
        ScanFraming.Terminator.valueOf(scannerTerminator),
        512);
  }

  /** A prefix or suffix: control characters by name, at most 8 characters once read. */
  private static void framingText(
      String name, String value, List<String> out, io.kasa.terminal.i18n.Messages m) {
    try {
      if (ControlNames.decode(value).length() > 8) {
        out.add(m.get("tech.problem.prefix", name));
      }
    } catch (IllegalArgumentException e) {
      out.add(m.get("tech.problem.prefixName", name));
    }
  }

  private static void uri(
      String name,
      String value,
      boolean optional,
      List<String> out,
      io.kasa.terminal.i18n.Messages m) {
    if (value.isBlank()) {
      if (!optional) {
        out.add(m.get("tech.problem.required", name));
      }
      return;
    }
    try {
      DeviceUri.parse(value);
    } catch (RuntimeException e) {
      // The parser's own detail is kept: it names the part of the address that is wrong.
      out.add(m.get("tech.problem.uri", name, String.valueOf(e.getMessage())));
    }
  }

  private static void profile(
      String name, String id, List<String> out, io.kasa.terminal.i18n.Messages m) {
    if (PrinterProfiles.builtIn().find(id).isEmpty()) {
      out.add(m.get("tech.problem.profile", name, id));
    }
  }

  private static int number(Optional<String> value, int otherwise) {
    try {
      return value.map(String::strip).map(Integer::parseInt).orElse(otherwise);
    } catch (NumberFormatException e) {
      return otherwise;
    }
  }

  /** The settings with one of them replaced by name, as the technician screen edits them. */
  public DeviceSettings with(String name, String value) {
    Map<String, String> m = toMap();
    if (!m.containsKey(name)) {
      throw new IllegalArgumentException("No device setting " + name);
    }
    m.put(name, value == null ? "" : value.strip());
    return read(n -> Optional.ofNullable(m.get(n)).filter(v -> !v.isEmpty()));
  }
}
