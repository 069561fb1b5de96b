package io.kasa.devices.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Two linked pseudo-terminals made by socat: the driver opens {@link #deviceEnd()}, the test plays
 * the device on {@link #peer()}. Killing socat is unplugging the cable; {@link #start()} again
 * plugs it back in under the same names. CI installs socat ({@code .ci/run}).
 */
public final class SocatPair implements AutoCloseable {

  private final Path dir;
  private final Path a;
  private final Path b;
  private Process socat;
  private SerialPort peer;

  public SocatPair(Path dir, String name) {
    this.dir = dir;
    this.a = dir.resolve(name + "A");
    this.b = dir.resolve(name + "B");
  }

  /** The end the driver under test opens. */
  public Path deviceEnd() {
    return a;
  }

  /** Starts socat and waits until both links exist. */
  public SocatPair start() throws IOException, InterruptedException {
    ProcessBuilder pb =
        new ProcessBuilder("socat", "pty,raw,echo=0,link=" + a, "pty,raw,echo=0,link=" + b);
    pb.redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile());
    try {
      socat = pb.start();
    } catch (IOException e) {
      throw new IOException("socat is needed for serial tests: apt-get install -y socat", e);
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (!(Files.exists(a) && Files.exists(b))) {
      if (System.nanoTime() > deadline || !socat.isAlive()) {
        throw new IOException("socat did not create " + a + " and " + b);
      }
      Thread.sleep(10);
    }
    peer = SerialPort.getCommPort(b.toString());
    peer.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, 50, 0);
    if (!peer.openPort()) {
      throw new IOException("cannot open the peer end " + b);
    }
    return this;
  }

  /** The device's side of the line. */
  public SerialPort peer() {
    return peer;
  }

  /** Reads exactly {@code n} bytes from the peer end, or fails after {@code timeout}. */
  public byte[] readPeer(int n, Duration timeout) throws IOException {
    byte[] out = new byte[n];
    int got = 0;
    long deadline = System.nanoTime() + timeout.toNanos();
    while (got < n) {
      if (System.nanoTime() > deadline) {
        throw new IOException("only " + got + " of " + n + " bytes arrived");
      }
      byte[] buf = new byte[n - got];
      int r = peer.readBytes(buf, buf.length);
      if (r > 0) {
        System.arraycopy(buf, 0, out, got, r);
        got += r;
      }
    }
    return out;
  }

  public void writePeer(byte[] bytes) {
    peer.writeBytes(bytes, bytes.length);
  }

  /** Unplugs: kills socat, so both ptys vanish. */
  public void unplug() throws InterruptedException {
    if (peer != null) {
      peer.closePort();
      peer = null;
    }
    if (socat != null) {
      socat.destroy();
      socat.waitFor(5, TimeUnit.SECONDS);
      socat = null;
    }
  }

  @Override
  public void close() {
    try {
      unplug();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
