package io.kasa.terminal.app;

import io.kasa.api.terminal.DeviceSetup;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.tech.TechViewModel;
import java.util.Map;
import java.util.Optional;

/** The device set-up's backup on the service, under this terminal. */
final class CloudDeviceBackup implements TechViewModel.Backup {

  private final CloudTerminal terminal;

  CloudDeviceBackup(CloudTerminal terminal) {
    this.terminal = terminal;
  }

  /** Replaces the terminal's backup, naming the version it replaces (none the first time). */
  @Override
  public void backUp(Map<String, String> settings) {
    Long version = terminal.client().deviceSetup().map(DeviceSetup::version).orElse(null);
    terminal.client().backUpDeviceSetup(new DeviceSetup(settings, version, null));
  }

  @Override
  public Optional<Map<String, String>> restore() {
    return terminal.client().deviceSetup().map(DeviceSetup::settings);
  }
}
