package io.kasa.devices.sim;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A serial barcode scanner in memory: {@link #scan} makes it send a code followed by its terminator
 * (CR by default), as a real scanner in serial mode does.
 */
public final class VirtualScanner {

  private final LinkedBlockingQueue<byte[]> output = new LinkedBlockingQueue<>();
  private volatile String terminator = "\r";

  /** Sends {@code code} and the terminator. */
  public void scan(String code) {
    sendRaw((code + terminator).getBytes(StandardCharsets.ISO_8859_1));
  }

  /** Sends bytes as they are, e.g. garbage or a code split over two reads. */
  public void sendRaw(byte[] bytes) {
    output.add(bytes.clone());
  }

  public void setTerminator(String value) {
    terminator = value;
  }

  /** What the scanner has sent and the host not yet read; for the simulator transport. */
  public LinkedBlockingQueue<byte[]> output() {
    return output;
  }
}
