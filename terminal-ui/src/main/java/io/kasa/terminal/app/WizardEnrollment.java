package io.kasa.terminal.app;

import io.kasa.client.http.CloudClient;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.http.Credentials;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.devices.DeviceChoice;
import io.kasa.terminal.enroll.EnrollmentViewModel;

/** The enrollment wizard's calls on the terminal. */
record WizardEnrollment(CloudTerminal terminal) implements EnrollmentViewModel.Enrollment {
  @Override
  public boolean reachable(java.net.URI url) {
    try (CloudClient probe =
        new CloudClient(
            CloudClientConfig.defaults(url)
                .withRetries(1, java.time.Duration.ofMillis(1), java.time.Duration.ofMillis(1)),
            Credentials.none())) {
      return probe.healthy();
    }
  }

  @Override
  public void enroll(java.net.URI url, String code, java.util.function.LongConsumer progress) {
    terminal.enroll(url, code, hostName(), progress);
  }

  @Override
  public void devices(String printerUri, String profile) {
    DeviceChoice.save(terminal, printerUri, profile);
  }

  private static String hostName() {
    try {
      return java.net.InetAddress.getLocalHost().getHostName();
    } catch (java.net.UnknownHostException e) {
      return "register";
    }
  }
}
