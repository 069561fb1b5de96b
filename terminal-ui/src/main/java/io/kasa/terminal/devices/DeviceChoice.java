package io.kasa.terminal.devices;

import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.profile.PrinterProfiles;
import java.time.Clock;

/**
 * The printer this terminal uses, kept in its local settings (set by the first-run wizard, later by
 * a technician): a device URI and a printer profile. Without a choice, the virtual printer.
 */
public final class DeviceChoice {

  public static final String PRINTER_URI = "printer-uri";
  public static final String PRINTER_PROFILE = "printer-profile";
  public static final String DEFAULT_PROFILE = "epson-tm-t20iii";

  /** A serial or simulated scanner (keyboard-wedge scanners need no setting). */
  public static final String SCANNER_URI = "scanner-uri";

  /**
   * The card reader: {@code sim:card-reader} (the processor's test cards, for the demo and
   * training); none set, the register takes no cards. Readers of card networks plug in behind
   * {@link io.kasa.terminal.sale.CardReader}.
   */
  public static final String CARD_READER_URI = "card-reader-uri";

  private DeviceChoice() {}

  /** The configured card reader, or none. */
  public static io.kasa.terminal.sale.CardReader cardReader(
      io.kasa.client.terminal.CloudTerminal terminal) {
    String uri = terminal.setting(CARD_READER_URI).orElse("");
    return uri.equals("sim:card-reader")
        ? new io.kasa.terminal.sale.SimulatedCardReader()
        : io.kasa.terminal.sale.CardReader.NONE;
  }

  /** Checks and keeps a choice; a bad URI or an unknown profile is refused with the reason. */
  public static void save(CloudTerminal terminal, String printerUri, String profile) {
    DeviceUri.parse(printerUri);
    PrinterProfiles.builtIn().get(profile == null ? DEFAULT_PROFILE : profile);
    terminal.setting(PRINTER_URI, printerUri);
    terminal.setting(PRINTER_PROFILE, profile == null ? DEFAULT_PROFILE : profile);
  }

  /**
   * Opens the devices chosen for this terminal; the drawer may stand open as long as the store's
   * settings say at the time.
   */
  public static RegisterDevices open(CloudTerminal terminal, Clock clock) {
    return new RegisterDevices(settings(terminal), clock, () -> drawerLeftOpen(terminal));
  }

  /**
   * How long the store lets a drawer stand open; a minute when the cached configuration predates
   * the setting.
   */
  public static java.time.Duration drawerLeftOpen(CloudTerminal terminal) {
    int seconds = terminal.config().store().drawerLeftOpenSeconds();
    return java.time.Duration.ofSeconds(seconds > 0 ? seconds : 60);
  }

  /** The device settings kept on this terminal. */
  public static DeviceSettings settings(CloudTerminal terminal) {
    return DeviceSettings.read(terminal::setting);
  }

  /** Keeps every device setting on this terminal. */
  public static void save(CloudTerminal terminal, DeviceSettings settings) {
    settings.toMap().forEach(terminal::setting);
  }
}
