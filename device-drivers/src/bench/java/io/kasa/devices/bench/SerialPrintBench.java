package io.kasa.devices.bench;

import com.fazecast.jSerialComm.SerialPort;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.escpos.MonochromeImage;
import io.kasa.devices.printer.PrintJob;
import io.kasa.devices.printer.PrintResult;
import io.kasa.devices.printer.PrinterService;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.devices.receipt.SampleReceipts;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transports;
import io.kasa.domain.receipt.Receipt;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Prints the 30-line receipt with a logo over a serial line at 115200 baud, through the real
 * printer service, jSerialComm and a socat pty pair. A pty has no baud rate, so the far end plays
 * the UART: it drains at most 11,520 bytes a second (10 bits per byte) and answers status
 * requests, which makes the sender block as it would on a real cable. Compares the logo stored in
 * NV memory (printed by key) with the logo sent as a raster image on every receipt, against the
 * wire-time limit (bytes ÷ 11,520 per second). Needs socat.
 */
public final class SerialPrintBench {

  private static final int BYTES_PER_SECOND = 115_200 / 10;
  private static final int WARMUP = 3;
  private static final int RUNS = 10;

  private SerialPrintBench() {}

  public static void main(String[] args) throws Exception {
    PrinterProfile profile = PrinterProfiles.builtIn().get("epson-tm-t20iii");
    Receipt receipt = SampleReceipts.ukrainian(30, "https://r.kasa.example");
    MonochromeImage logo = MonochromeImage.fromImage(logoImage(), profile.paperWidthDots());
    byte[] nv = new ReceiptRenderer(profile, ReceiptOptions.defaults().withNvLogo("K1")).render(receipt);
    byte[] raster = new ReceiptRenderer(profile, ReceiptOptions.defaults().withRasterLogo(logo)).render(receipt);

    Path dir = Files.createTempDirectory("kasa-bench");
    Process socat =
        new ProcessBuilder("socat", "pty,raw,echo=0,link=" + dir.resolve("ttyA"), "pty,raw,echo=0,link=" + dir.resolve("ttyB"))
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("socat.log").toFile())
            .start();
    while (!Files.exists(dir.resolve("ttyA")) || !Files.exists(dir.resolve("ttyB"))) {
      Thread.sleep(10);
    }
    PacedUart uart = new PacedUart(dir.resolve("ttyB").toString());
    ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    DeviceConnection connection =
        DeviceConnection.of(
            new Transports(new Simulators(profile)).create(DeviceUri.parse("serial:" + dir.resolve("ttyA") + "?baud=115200")), scheduler);
    connection.connect();
    try (PrinterService printer =
        new PrinterService(
            connection,
            profile,
            new PrinterService.Settings(Duration.ofMillis(500), Duration.ofMillis(100), Duration.ofSeconds(30)),
            Clock.systemUTC())) {
      System.out.printf(Locale.ROOT, "30-line receipt with QR and a %dx%d logo, %s, serial 115200 baud%n", logo.widthDots(), logo.heightDots(), profile.name());
      System.out.printf(Locale.ROOT, "%-22s %8s %12s %12s %12s %8s%n", "", "bytes", "wire ms", "median ms", "p90 ms", "ratio");
      report("logo from NV memory", nv, printer, uart);
      report("logo as raster", raster, printer, uart);
    } finally {
      connection.close();
      scheduler.shutdownNow();
      uart.close();
      socat.destroy();
    }
  }

  private static void report(String name, byte[] job, PrinterService printer, PacedUart uart) throws Exception {
    long[] millis = new long[RUNS];
    for (int i = -WARMUP; i < RUNS; i++) {
      long before = uart.received();
      long start = System.nanoTime();
      PrintResult result = printer.print(PrintJob.of(name, job)).get(60, TimeUnit.SECONDS);
      if (!result.printed()) {
        throw new IllegalStateException(result.message());
      }
      // The job counts as printed when its last byte has crossed the line.
      uart.awaitTotal(before + job.length);
      long elapsed = System.nanoTime() - start;
      if (i >= 0) {
        millis[i] = TimeUnit.NANOSECONDS.toMicros(elapsed);
      }
    }
    Arrays.sort(millis);
    double wire = job.length * 1000.0 / BYTES_PER_SECOND;
    double median = millis[RUNS / 2] / 1000.0;
    double p90 = millis[(int) (RUNS * 0.9) - 1] / 1000.0;
    System.out.printf(Locale.ROOT, "%-22s %8d %12.1f %12.1f %12.1f %8.3f%n", name, job.length, wire, median, p90, median / wire);
  }

  private static BufferedImage logoImage() {
    BufferedImage image = new BufferedImage(576, 144, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 576, 144);
    g.setColor(Color.DARK_GRAY);
    g.fillRoundRect(16, 16, 544, 112, 40, 40);
    g.setColor(Color.WHITE);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 72));
    g.drawString("KASA", 190, 100);
    g.dispose();
    return image;
  }

  /** The far end of the line, draining at the UART's byte rate and answering DLE EOT. */
  private static final class PacedUart implements AutoCloseable {
    private final SerialPort port;
    private final AtomicLong received = new AtomicLong();
    private final Thread thread;
    private volatile boolean running = true;

    PacedUart(String path) {
      port = SerialPort.getCommPort(path);
      port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 20, 0);
      if (!port.openPort()) {
        throw new IllegalStateException("cannot open " + path);
      }
      thread = new Thread(this::drain, "paced uart");
      thread.setDaemon(true);
      thread.start();
    }

    private void drain() {
      byte[] chunk = new byte[64];
      long start = System.nanoTime();
      long credited = 0;
      int previous = -1;
      int beforePrevious = -1;
      while (running) {
        int n = port.readBytes(chunk, chunk.length);
        if (n <= 0) {
          start = System.nanoTime();
          credited = 0;
          continue;
        }
        for (int i = 0; i < n; i++) {
          int b = chunk[i] & 0xff;
          if (beforePrevious == 0x10 && previous == 0x04 && b >= 1 && b <= 4) {
            port.writeBytes(new byte[] {0x12}, 1);
          }
          beforePrevious = previous;
          previous = b;
        }
        credited += n;
        long due = start + credited * 1_000_000_000L / BYTES_PER_SECOND;
        long wait = due - System.nanoTime();
        if (wait > 0) {
          try {
            TimeUnit.NANOSECONDS.sleep(wait);
          } catch (InterruptedException e) {
            return;
          }
        }
        received.addAndGet(n);
      }
    }

    long received() {
      return received.get();
    }

    void awaitTotal(long total) throws InterruptedException {
      while (received.get() < total) {
        Thread.sleep(1);
      }
    }

    @Override
    public void close() {
      running = false;
      port.closePort();
    }
  }
}
