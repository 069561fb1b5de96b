package io.kasa.devices.bench;

import com.sun.management.OperatingSystemMXBean;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.drawer.CashDrawer;
import io.kasa.devices.escpos.DrawerPulse;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * An idle register's printer and drawer, wired as {@code RegisterDevices} wires them (printer
 * service with 800 ms status replies, drawer switch polled every 700 ms through the printer), on a
 * {@code file:} printer for N seconds: the process's CPU time over that window, as a share of one
 * core, and the bytes the polling wrote into the file. The baseline in the same run is the same
 * register with the {@code generic-80mm} profile, which never asks for status; the case measured is
 * a profile that does ({@code epson-tm-t20iii}), which used to spin on the file's empty reads.
 */
public final class IdleStatusPollBench {

  private IdleStatusPollBench() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    OperatingSystemMXBean os =
        (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    // Warm up class loading and the JIT on the baseline before anything is measured.
    idle("generic-80mm", 3, os);
    double[] baseline = idle("generic-80mm", seconds, os);
    double[] polling = idle("epson-tm-t20iii", seconds, os);
    System.out.printf(
        Locale.ROOT,
        "%-18s %10s %14s%n%-18s %9.3f%% %14.0f%n%-18s %9.3f%% %14.0f%n"
            + "ratio polling / baseline CPU: %.2f; limit 1%% of a core: %s%n",
        "file: printer",
        "CPU",
        "bytes written",
        "generic-80mm",
        baseline[0],
        baseline[1],
        "epson-tm-t20iii",
        polling[0],
        polling[1],
        baseline[0] > 0 ? polling[0] / baseline[0] : Double.NaN,
        polling[0] < 1.0 ? "met" : "NOT met");
  }

  /** Percent of one core the process used while the register stood idle, and bytes written. */
  private static double[] idle(String profileId, int seconds, OperatingSystemMXBean os)
      throws Exception {
    PrinterProfile profile = PrinterProfiles.builtIn().get(profileId);
    Path dir = Files.createTempDirectory("kasa-idle");
    Path capture = dir.resolve("lp0.bin");
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    DeviceConnection connection =
        DeviceConnection.of(
            new Transports(new Simulators(profile))
                .create(DeviceUri.parse("file:" + capture)),
            scheduler);
    connection.start();
    PrinterService printer =
        new PrinterService(
            connection,
            profile,
            new PrinterService.Settings(
                Duration.ofMillis(800), Duration.ofSeconds(2), Duration.ofSeconds(30)),
            Clock.systemUTC());
    CashDrawer drawer =
        new CashDrawer(
            CashDrawer.viaPrinter(printer, profile.drawerPulse(), DrawerPulse.DEFAULT_SETTLE),
            true,
            () -> Duration.ofSeconds(60),
            Duration.ofMillis(700),
            scheduler,
            Clock.systemUTC());
    Thread.sleep(500);
    long cpu0 = os.getProcessCpuTime();
    long wall0 = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    long cpu = os.getProcessCpuTime() - cpu0;
    long wall = System.nanoTime() - wall0;
    drawer.close();
    printer.close();
    connection.close();
    scheduler.shutdownNow();
    long written = Files.exists(capture) ? Files.size(capture) : 0;
    return new double[] {100.0 * cpu / wall, written};
  }
}
