package io.kasa.devices.cli;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/** Options shared by commands that talk to a printer. */
class PrinterOptions {
  @Option(
      names = "--printer",
      required = true,
      paramLabel = "URI",
      description =
          "Printer URI, e.g. serial:/dev/ttyUSB0?baud=19200, usb:04b8:0e15, tcp://10.0.0.5:9100, file:/dev/usb/lp0")
  String printer;

  @Option(
      names = "--profile",
      paramLabel = "ID",
      defaultValue = "generic-80mm",
      description = "Printer profile (see `profiles`); default: ${DEFAULT-VALUE}")
  String profile;

  @Option(
      names = "--set",
      paramLabel = "FIELD=VALUE",
      description =
          "Override a profile field, e.g. --set columnsFontA=42 --set codePages=CP1251:73"
              + " --set pageCommand=ESC_T")
  Map<String, String> overrides = new LinkedHashMap<>();

  PrinterProfile resolveProfile() {
    PrinterProfile base = PrinterProfiles.builtIn().get(profile);
    return overrides.isEmpty() ? base : PrinterProfiles.withOverrides(base, overrides);
  }
}
