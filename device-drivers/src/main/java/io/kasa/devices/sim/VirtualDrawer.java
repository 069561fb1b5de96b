package io.kasa.devices.sim;

/**
 * A standalone cash drawer on a serial line: any kick opens it; {@code DLE EOT 1} reports its
 * switch on bit 2 (high while open); {@link #close} is the cashier pushing it shut.
 */
public final class VirtualDrawer {

  private volatile boolean open;
  private volatile int kicks;

  /** Called by the simulator transport for each kick received. */
  public void kick() {
    kicks++;
    open = true;
  }

  public void close() {
    open = false;
  }

  public boolean isOpen() {
    return open;
  }

  public int kicks() {
    return kicks;
  }

  /** The reply to {@code DLE EOT 1}: bit 2 high while open. */
  public byte statusByte() {
    return (byte) (0x12 | (open ? 0x04 : 0));
  }
}
