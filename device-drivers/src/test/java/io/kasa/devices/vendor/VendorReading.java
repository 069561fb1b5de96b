package io.kasa.devices.vendor;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.sim.EscPosDecoder;
import java.util.ArrayList;
import java.util.List;

/**
 * The text lines a printer of a profile's vendor prints from a byte stream, its code-page commands
 * read through {@link VendorPages}. Kasa's decoder only frames the commands (where each starts and
 * ends); what the bytes mean comes from the vendor's table.
 */
public final class VendorReading {

  private VendorReading() {}

  /** The lines printed, in order; a page command the printer does not know is an error. */
  public static List<String> lines(PrinterProfile profile, byte[] bytes) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    VendorPages.Table page = VendorPages.initial();
    for (EscPosDecoder.Step step : new EscPosDecoder(profile).steps(bytes)) {
      switch (step.command()) {
        case EscPosDecoder.Step.TEXT -> {
          for (int k = step.offset(); k < step.offset() + step.length(); k++) {
            line.append(page.decode(bytes[k]));
          }
        }
        case "LF" -> {
          lines.add(line.toString());
          line.setLength(0);
        }
        case "ESC @" -> page = VendorPages.initial();
        case "ESC t", "ESC GS t" -> {
          PrinterProfile.PageCommand command =
              step.command().equals("ESC t")
                  ? PrinterProfile.PageCommand.ESC_T
                  : PrinterProfile.PageCommand.ESC_GS_T;
          int n = bytes[step.offset() + step.length() - 1] & 0xff;
          page = VendorPages.select(profile, command, n);
          if (page == null) {
            throw new AssertionError(
                profile.id()
                    + ": a "
                    + profile.vendor()
                    + " printer has no page "
                    + step.command()
                    + " "
                    + n);
          }
        }
        default -> {}
      }
    }
    if (line.length() > 0) {
      lines.add(line.toString());
    }
    return lines;
  }
}
