package io.kasa.devices.cli;

import io.kasa.devices.DeviceUri;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.scanner.ControlNames;
import io.kasa.devices.scanner.ScanEvent;
import io.kasa.devices.scanner.ScanFraming;
import io.kasa.devices.scanner.SerialScanner;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ScanResult;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(
    name = "scan",
    mixinStandardHelpOptions = true,
    description = "Print each scan (code, symbology, valid or why rejected) until interrupted.")
final class ScanCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--scanner",
      required = true,
      paramLabel = "URI",
      description = "Scanner URI, e.g. serial:/dev/ttyACM0")
  String scanner;

  @Option(
      names = "--terminator",
      defaultValue = "ANY",
      description = "Scan terminator: ${COMPLETION-CANDIDATES} (default ${DEFAULT-VALUE})")
  ScanFraming.Terminator terminator;

  @Option(
      names = "--prefix",
      defaultValue = "",
      description =
          "Prefix the scanner adds (stripped; a scan without it is refused);"
              + " control characters by name, e.g. <STX>")
  String prefix;

  @Option(
      names = "--suffix",
      defaultValue = "",
      description =
          "Suffix the scanner adds before the terminator (stripped);"
              + " control characters by name, e.g. <ETX>")
  String suffix;

  @Option(
      names = "--count",
      defaultValue = "0",
      description = "Stop after this many scans (0: until interrupted)")
  int count;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    ScanFraming framing;
    try {
      framing =
          new ScanFraming(
              ControlNames.decode(prefix), ControlNames.decode(suffix), terminator, 512);
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    DeviceConnection connection =
        DeviceConnection.of(
            new Transports(new Simulators(PrinterProfiles.builtIn().defaultProfile()))
                .create(DeviceUri.parse(scanner)),
            scheduler);
    try {
      connection.connect();
      CountDownLatch done = new CountDownLatch(count > 0 ? count : 1);
      try (SerialScanner reader =
          new SerialScanner(
              connection,
              framing,
              BarcodeParser.withoutEmbeddedLabels(),
              Duration.ofSeconds(1),
              Clock.systemUTC())) {
        reader.onScan(
            e -> {
              out.println(describe(e));
              out.flush();
              done.countDown();
            });
        reader.onStatus(
            s -> {
              out.println(
                  s.connected()
                      ? "Scanner " + s.source() + " is back"
                      : "Scanner " + s.source() + " unplugged: " + s.reason());
              out.flush();
            });
        reader.start();
        out.println("Waiting for scans on " + scanner + (count > 0 ? "" : " (Ctrl+C to stop)"));
        out.flush();
        if (count > 0) {
          done.await();
        } else {
          new CountDownLatch(1).await();
        }
      }
      return 0;
    } finally {
      connection.close();
      scheduler.shutdownNow();
    }
  }

  static String describe(ScanEvent e) {
    if (e.result() instanceof ScanResult.Accepted a) {
      return "OK       "
          + a.symbology()
          + (a.aimPrefix() == null ? "" : " (" + a.aimPrefix() + ")")
          + "  "
          + a.code();
    }
    ScanResult.Rejected r = (ScanResult.Rejected) e.result();
    return "REJECTED " + r.reason() + ": " + r.detail() + "  raw=" + ControlNames.encode(r.raw());
  }
}
