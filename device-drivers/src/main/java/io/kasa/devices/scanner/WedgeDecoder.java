package io.kasa.devices.scanner;

import io.kasa.domain.barcode.BarcodeParser;
import java.time.Clock;
import java.time.Duration;

/**
 * Tells a keyboard-wedge scanner from a person typing. The terminal feeds it every key typed,
 * whatever has focus; a scanner types much faster than a person (keys well under 30–50 ms apart)
 * and ends with Enter or Tab. Keys are held back while they might be a scan; when they turn out to
 * be typing they are released to the focused control, so scans never land in a text field and
 * typing is never lost. Not thread-safe: call it from the UI thread.
 */
public final class WedgeDecoder {

  /**
   * What to do with a key.
   *
   * @param consume whether to swallow the key event just fed
   * @param release earlier keys that were typing after all: deliver them to the focused control
   *     before anything else (may be empty)
   * @param scan a completed scan, or null
   */
  public record Decision(boolean consume, String release, ScanEvent scan) {}

  private final BarcodeParser parser;
  private final long maxGapNanos;
  private final int minLength;
  private final Clock clock;
  private final StringBuilder buffer = new StringBuilder();
  private long lastKeyNanos;

  /**
   * @param maxGap the longest pause between two keys of one scan
   * @param minLength the shortest scan (shorter bursts are typing)
   */
  public WedgeDecoder(BarcodeParser parser, Duration maxGap, int minLength, Clock clock) {
    this.parser = parser;
    this.maxGapNanos = maxGap.toNanos();
    this.minLength = minLength;
    this.clock = clock;
  }

  /** 40 ms between keys, at least 4 characters. */
  public static WedgeDecoder withDefaults(BarcodeParser parser, Clock clock) {
    return new WedgeDecoder(parser, Duration.ofMillis(40), 4, clock);
  }

  /** A key typed at {@code nanoTime}: a character, or '\n', '\r' or '\t' for Enter and Tab. */
  public Decision key(char c, long nanoTime) {
    boolean fast = buffer.length() > 0 && nanoTime - lastKeyNanos <= maxGapNanos;
    boolean terminator = c == '\n' || c == '\r' || c == '\t';
    if (terminator) {
      if (fast && buffer.length() >= minLength) {
        String code = buffer.toString();
        buffer.setLength(0);
        return new Decision(
            true, "", new ScanEvent(parser.parse(code), "keyboard", clock.instant()));
      }
      return new Decision(false, drain(), null);
    }
    String released = fast || buffer.length() == 0 ? "" : drain();
    buffer.append(c);
    lastKeyNanos = nanoTime;
    return new Decision(true, released, null);
  }

  /**
   * Called by a timer: keys held longer than the gap were typed by a person; returns them for
   * release (empty if nothing is held or it may still be a scan).
   */
  public String idle(long nanoTime) {
    if (buffer.length() > 0 && nanoTime - lastKeyNanos > maxGapNanos) {
      return drain();
    }
    return "";
  }

  private String drain() {
    String s = buffer.toString();
    buffer.setLength(0);
    return s;
  }
}
