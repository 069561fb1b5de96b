package io.kasa.terminal.bench;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.app.Register;
import io.kasa.terminal.app.RegisterWindow;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.FxTaskExecutor;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The register started cold on an enrolled terminal's data (offline), to the first frame of the
 * sign-in screen; with {@code memory}, then signed in, selling from the 200k catalogue, and its
 * resident memory read from /proc.
 */
public final class RegisterStartup {

  private RegisterStartup() {}

  public static void main(String[] args) throws Exception {
    Path data = Path.of(args[0]);
    boolean memory = args.length > 1 && args[1].equals("memory");
    CloudTerminal terminal =
        CloudTerminal.open(data, Clock.systemUTC(), CloudClientConfig::defaults);
    FxTaskExecutor tasks = new FxTaskExecutor();
    java.util.concurrent.CompletableFuture<Register> made = new java.util.concurrent.CompletableFuture<>();
    Platform.startup(
        () -> {
          Register register = ScanToCartBench.register(terminal, data, tasks);
          Stage stage = new Stage();
          Runnable[] first = new Runnable[1];
          first[0] =
              () -> {
                register.scene().removePostLayoutPulseListener(first[0]);
                long ms =
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf(Locale.ROOT, "first-frame-ms %d%n", ms);
                if (!memory) {
                  System.exit(0);
                }
              };
          register.scene().addPostLayoutPulseListener(first[0]);
          stage.setScene(register.scene());
          stage.show();
          made.complete(register);
        });
    if (memory) {
      try {
        measureMemory(made.get());
      } catch (Exception | Error e) {
        e.printStackTrace();
        System.exit(1);
      }
    }
  }

  private static void measureMemory(Register register) throws Exception {
    {
      // Signed in (offline), quick keys loaded, a search typed, 200 scans sold over 10 sales.
      Platform.runLater(
          () -> {
            var signIn = register.signIn();
            signIn.choose(
                signIn.staff().stream()
                    .filter(p -> p.role().equals("CASHIER"))
                    .findFirst()
                    .orElseThrow());
            "1111".chars().forEach(c -> signIn.digit((char) c));
            signIn.submit();
          });
      while (!ScanToCartBench.onFx(() -> register.scene().lookup("#cart") != null)) {
        Thread.sleep(50);
      }
      ScanToCartBench.onFx(
          () -> {
            register.sale().search("хл");
            return null;
          });
      java.util.Random random = new java.util.Random(9);
      ScanToCartBench.scans(
          register, () -> BenchCatalog.barcode(random.nextInt(ScanToCartBench.ITEMS)), 200);
      Thread.sleep(500);
      System.gc();
      Thread.sleep(500);
      System.out.printf(Locale.ROOT, "rss-mb %d%n", rssMb());
      System.exit(0);
    }
  }

  static long rssMb() throws java.io.IOException {
    for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
      }
    }
    return -1;
  }
}
