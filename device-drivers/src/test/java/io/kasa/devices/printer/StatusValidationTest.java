package io.kasa.devices.printer;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.DeviceException;
import io.kasa.devices.DeviceUri;
import io.kasa.devices.Profiles;
import io.kasa.devices.printer.PrinterStatus.Flag;
import io.kasa.devices.printer.PrinterStatus.Reply;
import io.kasa.devices.sim.Simulators;
import io.kasa.devices.transport.DeviceConnection;
import io.kasa.devices.transport.Transport;
import io.kasa.devices.transport.Transports;
import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Replies to DLE EOT are a printer's only when they look and agree like one (ADR 0035). */
class StatusValidationTest {

  private static final Instant NOW = Instant.parse("2026-12-04T17:00:00Z");
  private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

  @AfterEach
  void tearDown() {
    scheduler.shutdownNow();
  }

  /**
   * A device that answers each {@code DLE EOT n} with the bytes {@code replies} gives for n, byte
   * for byte as they would come off the line; it records everything written to it.
   */
  private static final class ScriptedDevice implements Transport {
    private final IntFunction<byte[]> replies;
    private final ArrayDeque<Byte> input = new ArrayDeque<>();
    final ByteArrayOutputStream written = new ByteArrayOutputStream();

    ScriptedDevice(IntFunction<byte[]> replies) {
      this.replies = replies;
    }

    @Override
    public DeviceUri uri() {
      return DeviceUri.parse("sim:printer");
    }

    @Override
    public void open() {}

    @Override
    public void write(byte[] data) {
      written.write(data, 0, data.length);
      if (data.length == 3 && data[0] == 0x10 && data[1] == 0x04) {
        for (byte b : replies.apply(data[2])) {
          input.add(b);
        }
      }
    }

    @Override
    public int read(byte[] buffer, Duration timeout) {
      int n = 0;
      while (n < buffer.length && !input.isEmpty()) {
        buffer[n++] = input.poll();
      }
      return n;
    }

    @Override
    public boolean isOpen() {
      return true;
    }

    @Override
    public void onDisconnect(Consumer<DeviceException> listener) {}

    @Override
    public void close() {}
  }

  private static PrinterStatus query(int r1, int r2, int r3, int r4) throws DeviceException {
    int[] r = {0, r1, r2, r3, r4};
    return StatusQuery.query(
        new ScriptedDevice(n -> new byte[] {(byte) r[n]}), Duration.ofMillis(50), NOW);
  }

  @Test
  void aPrinterOutOfPaperIsReadAsOutOfPaper() throws Exception {
    // Offline (bit 3), stopped at paper end (DLE EOT 2 bit 5), both end sensors (DLE EOT 4 5+6).
    PrinterStatus s = query(0x1a, 0x32, 0x12, 0x7e);
    assertThat(s.reply()).isEqualTo(Reply.ANSWERED);
    assertThat(s.flags()).containsExactly(Flag.OFFLINE, Flag.PAPER_END, Flag.PAPER_NEAR_END);
  }

  @Test
  void aReadyPrinterWithItsDrawerOpenIsReady() throws Exception {
    PrinterStatus s = query(0x16, 0x12, 0x12, 0x12);
    assertThat(s.summary()).isEqualTo("READY");
    assertThat(s.drawerSignalHigh()).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "paper end while online, 0x12, 0x32, 0x12, 0x72",
    "cover open while online, 0x12, 0x16, 0x12, 0x12",
    "one near-end bit of the pair, 0x12, 0x12, 0x12, 0x16",
    "one paper-end bit of the pair, 0x1a, 0x32, 0x12, 0x32",
    "cutter error without an error, 0x12, 0x12, 0x1a, 0x12"
  })
  void repliesThatContradictEachOtherAreNotAPrinters(
      String what, String r1, String r2, String r3, String r4) throws Exception {
    PrinterStatus s =
        query(Integer.decode(r1), Integer.decode(r2), Integer.decode(r3), Integer.decode(r4));
    assertThat(s.reply()).isEqualTo(Reply.NOT_A_PRINTER);
    assertThat(s.flags()).isEmpty();
    assertThat(s.canPrint()).isFalse();
  }

  @Test
  void moreThanOneByteForOneRequestIsNotAPrinters() throws Exception {
    PrinterStatus s =
        StatusQuery.query(
            new ScriptedDevice(n -> new byte[] {0x12, 0x12}), Duration.ofMillis(50), NOW);
    assertThat(s.reply()).isEqualTo(Reply.NOT_A_PRINTER);
  }

  @Test
  void anEchoOfTheRequestIsNotAPrinters() throws Exception {
    PrinterStatus s =
        StatusQuery.query(
            new ScriptedDevice(n -> new byte[] {0x10, 0x04, (byte) n}), Duration.ofMillis(50), NOW);
    assertThat(s.reply()).isEqualTo(Reply.NOT_A_PRINTER);
  }

  @Test
  void flowControlBytesAreNotReplies() throws Exception {
    int[] r = {0, 0x12, 0x12, 0x12, 0x12};
    PrinterStatus s =
        StatusQuery.query(
            new ScriptedDevice(n -> new byte[] {0x13, 0x11, (byte) r[n]}),
            Duration.ofMillis(50),
            NOW);
    assertThat(s.summary()).isEqualTo("READY");
  }

  @Test
  void aWebServerOnPort9100IsNotAPrinterAndNotOutOfPaper() throws Exception {
    try (HttpErrorPageServer http = new HttpErrorPageServer();
        DeviceConnection c =
            DeviceConnection.of(
                new Transports(new Simulators(Profiles.epson()))
                    .create(DeviceUri.parse(http.uri())),
                scheduler)) {
      c.connect();
      PrinterStatus s = c.call(t -> StatusQuery.query(t, Duration.ofMillis(500), NOW));
      assertThat(s.reply()).isEqualTo(Reply.NOT_A_PRINTER);
      assertThat(s.flags()).doesNotContain(Flag.PAPER_END, Flag.CUTTER_ERROR);
      assertThat(s.summary()).isEqualTo("NOT_A_PRINTER");
    }
  }

  @Test
  void aJobForAWebServerFailsAtOnceInsteadOfWaitingForPaper() throws Exception {
    try (HttpErrorPageServer http = new HttpErrorPageServer()) {
      DeviceConnection c =
          DeviceConnection.of(
              new Transports(new Simulators(Profiles.epson())).create(DeviceUri.parse(http.uri())),
              scheduler);
      c.connect();
      try (PrinterService service =
          new PrinterService(
              c,
              Profiles.epson(),
              new PrinterService.Settings(
                  Duration.ofMillis(300), Duration.ofMillis(50), Duration.ofMinutes(5)),
              Clock.systemUTC())) {
        PrintResult r =
            service.print(PrintJob.of("receipt", new byte[] {'x'})).get(30, TimeUnit.SECONDS);
        assertThat(r.printed()).isFalse();
        assertThat(r.failure()).isEqualTo(DeviceException.Kind.NOT_A_PRINTER);
        assertThat(r.message()).contains("not as a receipt printer");
      } finally {
        c.close();
      }
    }
  }
}
