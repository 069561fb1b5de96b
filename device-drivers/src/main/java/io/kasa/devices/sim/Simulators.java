package io.kasa.devices.sim;

import io.kasa.devices.profile.PrinterProfile;

/** The simulators behind {@code sim:printer}, {@code sim:drawer} and {@code sim:scanner}. */
public final class Simulators {

  private final VirtualPrinter printer;
  private final VirtualDrawer drawer = new VirtualDrawer();
  private final VirtualScanner scanner = new VirtualScanner();

  public Simulators(PrinterProfile printerProfile) {
    this.printer = new VirtualPrinter(printerProfile);
  }

  public VirtualPrinter printer() {
    return printer;
  }

  public VirtualDrawer drawer() {
    return drawer;
  }

  public VirtualScanner scanner() {
    return scanner;
  }
}
