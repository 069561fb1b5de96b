package io.kasa.terminal.app;

import io.kasa.devices.scanner.ScanEvent;
import io.kasa.terminal.scan.WedgeInput;
import java.util.function.Consumer;

/**
 * A screen's answer to scans, typing and Enter, from three functions.
 *
 * @param scan what a scan does
 * @param typing what characters typed outside any text field do
 * @param enterKey what Enter outside any text field does
 */
record ScanTarget(Consumer<ScanEvent> scan, Consumer<String> typing, Runnable enterKey)
    implements WedgeInput.Target {

  /** A screen where only scans mean something. */
  static ScanTarget scansOnly(Consumer<ScanEvent> scan) {
    return new ScanTarget(scan, text -> {}, () -> {});
  }

  @Override
  public void scanned(ScanEvent scan) {
    this.scan.accept(scan);
  }

  @Override
  public void typed(String text) {
    typing.accept(text);
  }

  @Override
  public void enter() {
    enterKey.run();
  }
}
