package io.kasa.devices.transport;

import com.fazecast.jSerialComm.SerialPort;
import java.util.Arrays;
import java.util.concurrent.locks.LockSupport;
import java.util.function.UnaryOperator;

/**
 * Plays a device on the peer end of a {@link SocatPair}: every chunk the driver sends is handed to
 * {@code responder}, and its reply (if any) is written back, as a printer answers DLE EOT.
 */
public final class PtyDevice implements AutoCloseable {

  private final SocatPair line;
  private final UnaryOperator<byte[]> responder;
  private final Thread thread;
  private volatile boolean running = true;

  public PtyDevice(SocatPair line, UnaryOperator<byte[]> responder) {
    this.line = line;
    this.responder = responder;
    this.thread = new Thread(this::serve, "pty device " + line.deviceEnd());
    thread.setDaemon(true);
    thread.start();
  }

  private void serve() {
    byte[] buffer = new byte[4096];
    while (running) {
      SerialPort peer = line.peer();
      if (peer == null || !peer.isOpen()) {
        LockSupport.parkNanos(1_000_000); // unplugged: wait for the cable to come back
        continue;
      }
      int n = peer.readBytes(buffer, buffer.length);
      if (n > 0) {
        byte[] reply = responder.apply(Arrays.copyOf(buffer, n));
        if (reply != null && reply.length > 0) {
          peer.writeBytes(reply, reply.length);
        }
      }
    }
  }

  @Override
  public void close() {
    running = false;
    try {
      thread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
