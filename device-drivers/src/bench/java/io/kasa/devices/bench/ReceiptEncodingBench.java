package io.kasa.devices.bench;

import com.github.anastaciocintra.escpos.EscPos.CutMode;
import com.github.anastaciocintra.escpos.EscPosConst.Justification;
import com.github.anastaciocintra.escpos.Style;
import com.github.anastaciocintra.escpos.barcode.QRCode;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.devices.receipt.SampleReceipts;
import io.kasa.domain.receipt.Receipt;
import io.kasa.domain.receipt.ReceiptTextLayout;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * A typical 30-line Ukrainian receipt with a QR code, encoded for an Epson TM-T20III by Kasa and by
 * escpos-coffee (the same laid-out lines, styles, QR, feed and cut) in the same JVM run. Kasa's
 * side includes the layout (wrapping, columns, fallbacks); escpos-coffee gets the lines ready-made.
 * Prints time per receipt, bytes per receipt and Kasa / escpos-coffee ratios.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = "-Xmx512m")
public class ReceiptEncodingBench {

  private PrinterProfile profile;
  private Receipt receipt;
  private ReceiptRenderer renderer;
  private List<ReceiptTextLayout.Line> lines;

  @Setup
  public void setUp() {
    profile = PrinterProfiles.builtIn().get("epson-tm-t20iii");
    receipt = SampleReceipts.ukrainian(30, "https://r.kasa.example");
    renderer = new ReceiptRenderer(profile, ReceiptOptions.defaults());
    lines = renderer.lines(receipt);
  }

  /** Kasa encoding the laid-out lines: the same work escposCoffee() does. */
  @Benchmark
  public byte[] kasa() {
    return renderer.encode(lines, receipt.qrPayload(), receipt.barcodePayload());
  }

  /** Kasa's whole path from the receipt model: layout (columns, wrapping, fallbacks) and encoding. */
  @Benchmark
  public byte[] kasaLayoutAndEncode() {
    return renderer.render(receipt);
  }

  @Benchmark
  public byte[] escposCoffee() throws IOException {
    return escposCoffee(lines, receipt.qrPayload());
  }

  static byte[] escposCoffee(List<ReceiptTextLayout.Line> lines, String qrPayload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
    com.github.anastaciocintra.escpos.EscPos e = new com.github.anastaciocintra.escpos.EscPos(out);
    e.initializePrinter();
    e.setCharsetName("windows-1251");
    e.setPrinterCharacterTable(46);
    Style normal = new Style();
    Style title = new Style().setBold(true);
    Style total = new Style().setBold(true).setFontSize(Style.FontSize._1, Style.FontSize._2);
    for (ReceiptTextLayout.Line line : lines) {
      Style style =
          switch (line.emphasis()) {
            case TITLE -> title;
            case TOTAL -> total;
            case NORMAL -> normal;
          };
      e.writeLF(style, line.text());
    }
    QRCode qr =
        new QRCode()
            .setSize(6)
            .setErrorCorrectionLevel(QRCode.QRErrorCorrectionLevel.QR_ECLEVEL_M_Default)
            .setJustification(Justification.Center);
    e.write(qr, qrPayload);
    e.feed(1);
    e.feed(3);
    e.cut(CutMode.PART);
    e.flush();
    return out.toByteArray();
  }

  public static void main(String[] args) throws RunnerException, IOException {
    Collection<RunResult> results =
        new Runner(new OptionsBuilder().include(ReceiptEncodingBench.class.getName() + "\\.").build()).run();
    double kasa = score(results, "kasa");
    double kasaFull = score(results, "kasaLayoutAndEncode");
    double coffee = score(results, "escposCoffee");
    ReceiptEncodingBench b = new ReceiptEncodingBench();
    b.setUp();
    int kasaBytes = b.kasa().length;
    int coffeeBytes = b.escposCoffee().length;
    System.out.println();
    System.out.printf(Locale.ROOT, "30-line receipt with QR, %s%n", b.profile.name());
    System.out.printf(Locale.ROOT, "%-14s %12s %10s%n", "", "us/receipt", "bytes");
    System.out.printf(Locale.ROOT, "%-14s %12.2f %10d%n", "Kasa", kasa, kasaBytes);
    System.out.printf(Locale.ROOT, "%-14s %12.2f %10d%n", "escpos-coffee", coffee, coffeeBytes);
    System.out.printf(Locale.ROOT, "%-14s %12.2f %10s  (Kasa layout + encoding from the receipt model)%n", "Kasa full", kasaFull, "");
    System.out.printf(Locale.ROOT, "ratio Kasa / escpos-coffee: time %.2f (target <= 0.50), bytes %.2f (target <= 1.00)%n", kasa / coffee, (double) kasaBytes / coffeeBytes);
  }

  private static double score(Collection<RunResult> results, String method) {
    return results.stream()
        .filter(r -> r.getParams().getBenchmark().endsWith("." + method))
        .findFirst()
        .orElseThrow()
        .getPrimaryResult()
        .getScore();
  }
}
