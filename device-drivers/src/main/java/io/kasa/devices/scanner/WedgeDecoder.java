package io.kasa.devices.scanner;

import io.kasa.domain.barcode.BarcodeParser;
import java.time.Clock;
import java.time.Duration;

/**
 * Tells a keyboard-wedge scanner from a person typing. The terminal feeds it every key typed,
 * whatever has focus; a scanner types much faster than a person (keys well under 30–50 ms apart)
 * and ends with Enter or Tab. Keys are held back while they might be a scan; they are released as
 * typing only on proof of a pause: {@link #idle} called at a moment when every key that had arrived
 * was already fed, more than the gap after the last one.
 *
 * <p>A long gap between two keys as the caller sees them is not such proof: a busy UI thread sees a
 * scanner's keys late and unevenly, so the second key of a burst can reach it 100 ms after the
 * first although the scanner sent them 2 ms apart (docs/decisions/0023). Not thread-safe: call it
 * from the UI thread.
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
  private final Duration maxGap;
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
    this.maxGap = maxGap;
    this.minLength = minLength;
    this.clock = clock;
  }

  /** 40 ms between keys, at least 4 characters. */
  public static WedgeDecoder withDefaults(BarcodeParser parser, Clock clock) {
    return new WedgeDecoder(parser, Duration.ofMillis(40), 4, clock);
  }

  /** The longest pause between two keys of one scan. */
  public Duration maxGap() {
    return maxGap;
  }

  /**
   * A key seen at {@code nanoTime}: a character, or '\n', '\r' or '\t' for Enter and Tab. Enter or
   * Tab after at least the minimum length of held keys completes a scan; after fewer, it releases
   * them and passes.
   */
  public Decision key(char c, long nanoTime) {
    boolean terminator = c == '\n' || c == '\r' || c == '\t';
    if (terminator) {
      if (buffer.length() >= minLength) {
        String code = drain();
        return new Decision(
            true, "", new ScanEvent(parser.parse(code), "keyboard", clock.instant()));
      }
      return new Decision(false, drain(), null);
    }
    buffer.append(c);
    lastKeyNanos = nanoTime;
    return new Decision(true, "", null);
  }

  /**
   * Called when every key that had arrived by {@code nanoTime} has been fed: keys held longer than
   * the gap were typed by a person, and are returned for release (empty if nothing is held or it
   * may still be a scan).
   */
  public String idle(long nanoTime) {
    if (buffer.length() > 0 && nanoTime - lastKeyNanos > maxGap.toNanos()) {
      return drain();
    }
    return "";
  }

  /** Releases whatever is held: a key no scanner sends (an arrow, a shortcut) shows a person. */
  public String flush() {
    return drain();
  }

  private String drain() {
    String s = buffer.toString();
    buffer.setLength(0);
    return s;
  }
}
