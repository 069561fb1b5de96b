package io.kasa.devices.sim;

import io.kasa.devices.profile.PrinterProfile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A receipt printer in memory: it keeps every byte it receives, decodes them back into lines, cuts,
 * drawer kicks and images, and answers {@code DLE EOT n} status requests from its simulated state
 * (paper, cover, drawer), byte for byte as an Epson-class printer does. Thread-safe.
 */
public final class VirtualPrinter {

  private final PrinterProfile profile;
  private final ByteArrayOutputStream received = new ByteArrayOutputStream();
  private final CopyOnWriteArrayList<Consumer<List<PrintElement>>> listeners =
      new CopyOnWriteArrayList<>();
  private volatile boolean paperOut;
  private volatile boolean paperNearEnd;
  private volatile boolean coverOpen;
  private volatile boolean offline;
  private volatile boolean drawerSignalHigh;
  private volatile boolean answersStatus = true;
  private int pending;

  public VirtualPrinter(PrinterProfile profile) {
    this.profile = profile;
  }

  public PrinterProfile profile() {
    return profile;
  }

  /**
   * Takes bytes from the host and returns the printer's replies to any status requests among them.
   * Listeners get the elements decoded from these bytes.
   */
  public byte[] receive(byte[] bytes) {
    ByteArrayOutputStream replies = new ByteArrayOutputStream();
    byte[] chunk;
    synchronized (this) {
      received.writeBytes(bytes);
      chunk = bytes;
    }
    // A request can straddle two writes; the decoder below sees each write whole, which is how
    // the host sends them.
    List<PrintElement> elements = new EscPosDecoder(profile).decode(chunk);
    for (PrintElement e : elements) {
      if (e instanceof PrintElement.StatusRequest request && answersStatus) {
        replies.write(statusByte(request.n()));
      }
      if (e instanceof PrintElement.DrawerKick) {
        drawerSignalHigh = true;
      }
    }
    synchronized (this) {
      pending += elements.size();
    }
    listeners.forEach(l -> l.accept(elements));
    return replies.toByteArray();
  }

  /** The status byte an Epson-class printer sends for {@code DLE EOT n}: 0xx1xx10 plus flags. */
  public byte statusByte(int n) {
    int b = 0x12;
    switch (n) {
      case 1 -> {
        if (drawerSignalHigh) {
          b |= 0x04;
        }
        if (offline || coverOpen || paperOut) {
          b |= 0x08;
        }
      }
      case 2 -> {
        if (coverOpen) {
          b |= 0x04;
        }
        if (paperOut) {
          b |= 0x20;
        }
        if (offline) {
          b |= 0x40;
        }
      }
      case 3 -> {
        // no cutter or unrecoverable errors in the simulator
      }
      case 4 -> {
        if (paperNearEnd || paperOut) {
          b |= 0x0c;
        }
        if (paperOut) {
          b |= 0x60;
        }
      }
      default -> throw new IllegalArgumentException("DLE EOT " + n);
    }
    return (byte) b;
  }

  /** Everything received so far. */
  public synchronized byte[] bytes() {
    return received.toByteArray();
  }

  /** Everything received so far, decoded. */
  public List<PrintElement> elements() {
    return new EscPosDecoder(profile).decode(bytes());
  }

  /** The printed text lines so far. */
  public List<String> textLines() {
    return elements().stream()
        .filter(PrintElement.TextLine.class::isInstance)
        .map(e -> ((PrintElement.TextLine) e).text())
        .toList();
  }

  /** Writes the raw bytes received to {@code file}, for support or a third-party decoder. */
  public void saveTo(Path file) throws IOException {
    Files.write(file, bytes());
  }

  /** Forgets what was printed (tearing off the paper). */
  public synchronized void clear() {
    received.reset();
    pending = 0;
  }

  public void onPrinted(Consumer<List<PrintElement>> listener) {
    listeners.add(listener);
  }

  public void setPaperOut(boolean value) {
    paperOut = value;
  }

  public void setPaperNearEnd(boolean value) {
    paperNearEnd = value;
  }

  public void setCoverOpen(boolean value) {
    coverOpen = value;
  }

  public void setOffline(boolean value) {
    offline = value;
  }

  /** Simulates the drawer switch as wired to the printer's drawer port (pin 3). */
  public void setDrawerSignal(boolean high) {
    drawerSignalHigh = high;
  }

  /** A cheap one-way printer never answers status requests. */
  public void setAnswersStatus(boolean value) {
    answersStatus = value;
  }

  /** Whether printing is possible right now (paper in, cover closed, online). */
  public boolean canPrint() {
    return !paperOut && !coverOpen && !offline;
  }
}
