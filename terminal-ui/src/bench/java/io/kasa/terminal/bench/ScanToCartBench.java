package io.kasa.terminal.bench;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.app.Register;
import io.kasa.terminal.app.RegisterWindow;
import io.kasa.terminal.devices.DeviceChoice;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.event.Event;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;

/**
 * The register's benchmarks, headless (Monocle), each beside a baseline from the same run:
 *
 * <ul>
 *   <li>scan to cart on a 200k-item catalogue: from the wedge scanner's Enter to the first frame
 *       pulse after the cart shows the new line, against the same path with a {@code HashMap}
 *       catalogue;
 *   <li>cold start to the sign-in screen, with and without AppCDS, against a minimal JavaFX
 *       window, each in fresh JVMs;
 *   <li>the register's resident memory with the 200k-item catalogue after selling.
 * </ul>
 *
 * Run with {@code ./mvnw -q -pl terminal-ui exec:exec@bench-register} (docs/benchmarks.md).
 */
public final class ScanToCartBench {

  static final int ITEMS = Integer.getInteger("bench.items", 200_000);
  static final int SCANS = 2_000;

  private ScanToCartBench() {}

  public static void main(String[] args) throws Exception {
    Path dir = Files.createTempDirectory("kasa-register-bench");
    Path data = dir.resolve("terminal");
    long t0 = System.nanoTime();
    BenchCatalog.prepare(data, ITEMS);
    System.out.printf(
        Locale.ROOT,
        "register benchmarks: %d items enrolled in %.1f s%n",
        ITEMS,
        (System.nanoTime() - t0) / 1e9);
    scanToCart(data);
    Startup.compare(data, dir);
    System.exit(0);
  }

  static void scanToCart(Path data) throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    Platform.startup(started::countDown);
    started.await();
    CloudTerminal terminal =
        CloudTerminal.open(data, Clock.systemUTC(), CloudClientConfig::defaults);
    FxTaskExecutor tasks = new FxTaskExecutor();
    CompletableFuture<Register> made = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          Register r = register(terminal, data, tasks);
          Stage stage = new Stage();
          stage.setScene(r.scene());
          stage.show();
          made.complete(r);
        });
    Register register = made.get(30, TimeUnit.SECONDS);
    // Sign in offline with the cached verifier (the service is gone), as after a power cut.
    Platform.runLater(
        () -> {
          var signIn = register.signIn();
          signIn.choose(
              signIn.staff().stream().filter(p -> p.role().equals("CASHIER")).findFirst().orElseThrow());
          "1111".chars().forEach(c -> signIn.digit((char) c));
          signIn.submit();
        });
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!onFx(() -> register.scene().lookup("#cart") != null) && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
    Random random = new Random(3);
    long[] floor = framePulses(register, SCANS);
    long[] sqlite = scans(register, () -> BenchCatalog.barcode(random.nextInt(ITEMS)), SCANS);
    System.out.printf(
        Locale.ROOT,
        "scan to cart, 200k-item replica: %s; baseline, a label changed to its frame: %s;"
            + " p99 ratio %.2f×, p99 over the floor %+.2f ms (target ≤ 1 ms)%n",
        stats(sqlite),
        stats(floor),
        percentile(sqlite, 99) / percentile(floor, 99),
        (percentile(sqlite, 99) - percentile(floor, 99)) / 1e6);
    tasks.close();
    register.close();
    terminal.close();
  }

  /** The register as the benchmarks run it: light theme, English, never locking. */
  static Register register(CloudTerminal terminal, Path data, FxTaskExecutor tasks) {
    RegisterWindow.applyTheme(RegisterWindow.Theme.LIGHT);
    return new Register(
        terminal,
        () -> DeviceChoice.open(terminal, Clock.systemUTC()),
        data.resolve("receipts"),
        new Messages(Locale.ENGLISH),
        tasks,
        Clock.systemDefaultZone(),
        RegisterWindow.Theme.LIGHT,
        Duration.ZERO);
  }

  /** Fires each scan as a wedge scanner types it and waits for the frame that shows the line. */
  static long[] scans(Register register, java.util.function.Supplier<String> codes, int n)
      throws Exception {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      if (i % 20 == 0) {
        onFx(
            () -> {
              register.sale().newSale();
              return null;
            });
      }
      String code = codes.get();
      CompletableFuture<Long> shown = new CompletableFuture<>();
      int before = onFx(() -> register.sale().lines().size());
      long[] start = new long[1];
      Platform.runLater(
          () -> {
            var scene = register.scene();
            var target = scene.getRoot();
            for (char c : code.toCharArray()) {
              Event.fireEvent(
                  target,
                  new KeyEvent(KeyEvent.KEY_TYPED, String.valueOf(c), "", KeyCode.UNDEFINED, false, false, false, false));
            }
            start[0] = System.nanoTime();
            Event.fireEvent(
                target, new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
            Runnable[] listener = new Runnable[1];
            listener[0] =
                () -> {
                  if (register.sale().lines().size() > before) {
                    shown.complete(System.nanoTime() - start[0]);
                    scene.removePostLayoutPulseListener(listener[0]);
                  }
                };
            scene.addPostLayoutPulseListener(listener[0]);
          });
      out[i] = shown.get(10, TimeUnit.SECONDS);
    }
    return out;
  }

  static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
    CompletableFuture<T> f = new CompletableFuture<>();
    Platform.runLater(
        () -> {
          try {
            f.complete(work.call());
          } catch (Exception e) {
            f.completeExceptionally(e);
          }
        });
    return f.get(10, TimeUnit.SECONDS);
  }

  static double percentile(long[] nanos, int p) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return s[Math.max(0, (int) Math.ceil(s.length * p / 100.0) - 1)];
  }

  static String stats(long[] nanos) {
    long[] s = nanos.clone();
    Arrays.sort(s);
    return String.format(
        Locale.ROOT,
        "p50 %.2f ms, p99 %.2f ms, max %.2f ms (%d scans)",
        s[s.length / 2] / 1e6,
        s[(int) Math.ceil(s.length * 0.99) - 1] / 1e6,
        s[s.length - 1] / 1e6,
        s.length);
  }

  /** The floor: a label changed on the FX thread, to the frame pulse that lays it out. */
  static long[] framePulses(Register register, int n) throws Exception {
    long[] out = new long[n];
    for (int i = 0; i < n; i++) {
      CompletableFuture<Long> shown = new CompletableFuture<>();
      int k = i;
      Platform.runLater(
          () -> {
            var scene = register.scene();
            javafx.scene.control.Label entry = (javafx.scene.control.Label) scene.lookup("#entry");
            long start = System.nanoTime();
            register.sale().entryProperty().set(String.valueOf(k));
            Runnable[] listener = new Runnable[1];
            listener[0] =
                () -> {
                  if (entry.getText().startsWith(String.valueOf(k))) {
                    shown.complete(System.nanoTime() - start);
                    scene.removePostLayoutPulseListener(listener[0]);
                  }
                };
            scene.addPostLayoutPulseListener(listener[0]);
          });
      out[i] = shown.get(10, TimeUnit.SECONDS);
    }
    onFx(
        () -> {
          register.sale().entryProperty().set("");
          return null;
        });
    return out;
  }
}
