package io.kasa.devices;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;

/** Profiles the tests use. */
public final class Profiles {

  public static final PrinterProfiles ALL = PrinterProfiles.builtIn();

  private Profiles() {}

  public static PrinterProfile epson() {
    return ALL.get("epson-tm-t20iii");
  }

  public static PrinterProfile generic58() {
    return ALL.get("generic-58mm");
  }

  public static PrinterProfile generic80() {
    return ALL.defaultProfile();
  }
}
