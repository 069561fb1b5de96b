package io.kasa.devices.escpos;

import java.time.Duration;
import java.util.Locale;

/**
 * The pulse that opens a cash drawer, checked once for everyone who sets one (the {@code kick}
 * command, the technician screen, a profile). Two commands carry it:
 *
 * <ul>
 *   <li>{@link Command#ESC_P} {@code ESC p m t1 t2}: on- and off-time each 2–510 ms in 2 ms units,
 *       queued behind whatever the printer is printing. A time between units is rounded up (101 ms
 *       is sent as 102 ms), never down; the off-time is at least the on-time (Epson printers treat
 *       a shorter off-time as the on-time anyway, so a shorter one is refused rather than changed).
 *   <li>{@link Command#DLE_DC4} {@code DLE DC4 1 m t}: real-time, executed at once even while the
 *       printer is busy or offline; for printers that need it. One time t × 100 ms, t 1–8, used for
 *       both on and off: 100–800 ms in 100 ms units, rounded up; the off-time equals the on-time.
 * </ul>
 *
 * @param pin drawer connector pin, 2 or 5
 * @param command the command that carries the pulse
 * @param onMillis on-time as the printer will run it (after rounding up)
 * @param offMillis off-time as the printer will run it (after rounding up)
 */
public record DrawerPulse(int pin, Command command, int onMillis, int offMillis) {

  /** The command that carries the pulse. */
  public enum Command {
    /** {@code ESC p m t1 t2}: queued with the print data. */
    ESC_P(2, 2, 510),
    /** {@code DLE DC4 1 m t}: real-time. */
    DLE_DC4(100, 100, 800);

    /** The unit the printer counts in, ms. */
    public final int unit;

    /** The shortest time, ms. */
    public final int min;

    /** The longest time, ms. */
    public final int max;

    Command(int unit, int min, int max) {
      this.unit = unit;
      this.min = min;
      this.max = max;
    }

    /** The command named as in profiles and settings ({@code ESC_P}, {@code esc-p}, …). */
    public static Command parse(String name) {
      String n = name.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
      try {
        return valueOf(n);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "Drawer command is ESC_P or DLE_DC4, not '" + name + "'", e);
      }
    }
  }

  /** Time after the pulse for the drawer to move before its switch is read. */
  public static final Duration DEFAULT_SETTLE = Duration.ofMillis(200);

  public DrawerPulse {
    if (pin != 2 && pin != 5) {
      throw new IllegalArgumentException("The drawer pin is 2 or 5, not " + pin);
    }
    if (command == null) {
      throw new IllegalArgumentException("Drawer command is ESC_P or DLE_DC4");
    }
    onMillis = roundUp(onMillis, command.unit);
    offMillis = command == Command.DLE_DC4 ? onMillis : roundUp(offMillis, command.unit);
    if (onMillis < command.min || onMillis > command.max) {
      throw new IllegalArgumentException(
          "Drawer pulse on-time is " + range(command) + ", not " + onMillis + " ms");
    }
    if (offMillis < command.min || offMillis > command.max) {
      throw new IllegalArgumentException(
          "Drawer pulse off-time is " + range(command) + ", not " + offMillis + " ms");
    }
    if (offMillis < onMillis) {
      throw new IllegalArgumentException(
          "Drawer pulse off-time ("
              + offMillis
              + " ms) must be at least the on-time ("
              + onMillis
              + " ms)");
    }
  }

  /** An {@code ESC p} pulse. */
  public static DrawerPulse escP(int pin, int onMillis, int offMillis) {
    return new DrawerPulse(pin, Command.ESC_P, onMillis, offMillis);
  }

  /** The accepted times of {@code command} in words, e.g. "2–510 ms in 2 ms steps". */
  public static String range(Command command) {
    return command.min + "–" + command.max + " ms in " + command.unit + " ms steps";
  }

  /** How long the pulse lasts, on and off. */
  public Duration duration() {
    return Duration.ofMillis((long) onMillis + offMillis);
  }

  /** The bytes that send this pulse. */
  public byte[] toBytes() {
    int m = pin == 2 ? 0 : 1;
    return switch (command) {
      case ESC_P -> new byte[] {0x1b, 'p', (byte) m, (byte) (onMillis / 2), (byte) (offMillis / 2)};
      case DLE_DC4 -> new byte[] {0x10, 0x14, 1, (byte) m, (byte) (onMillis / 100)};
    };
  }

  private static int roundUp(int millis, int unit) {
    if (millis <= 0) {
      return millis;
    }
    long up = ((long) millis + unit - 1) / unit * unit;
    return (int) Math.min(up, Integer.MAX_VALUE);
  }
}
