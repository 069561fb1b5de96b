package io.kasa.devices.scanner;

import io.kasa.domain.barcode.ScanResult;
import io.kasa.domain.barcode.Symbology;
import java.time.Instant;
import java.util.Objects;

/**
 * One scan, accepted or rejected.
 *
 * @param result the parser's verdict: the code, or the reason it was refused
 * @param source which scanner (its device URI, or {@code keyboard})
 * @param at when it arrived
 */
public record ScanEvent(ScanResult result, String source, Instant at) {

  public ScanEvent {
    Objects.requireNonNull(result, "result");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(at, "at");
  }

  public boolean accepted() {
    return result instanceof ScanResult.Accepted;
  }

  /** The symbology announced or recognised; UNKNOWN for a rejected scan. */
  public Symbology symbology() {
    return result instanceof ScanResult.Accepted a ? a.symbology() : Symbology.UNKNOWN;
  }

  /**
   * What a screen looks up: an accepted code's text without its AIM identifier, or a refused scan's
   * text as it arrived.
   */
  public String text() {
    return result instanceof ScanResult.Accepted a ? a.text() : result.raw();
  }

  /** The raw text as it arrived. */
  public String raw() {
    return result.raw();
  }
}
