package io.kasa.devices.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.barcode.BarcodeParser;
import io.kasa.domain.barcode.ScanResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

/**
 * Noise on a serial line never becomes a code: random bytes, framed as a scanner's line is and read
 * as {@link SerialScanner} reads each frame, give rejected scans only (ADR 0036). Each try is 64
 * KiB of uniformly random bytes from the try's seed, 1 MiB over the run.
 */
class LineNoisePropertiesTest {

  private static final BarcodeParser PARSER = BarcodeParser.withoutEmbeddedLabels();

  @Property(tries = 16)
  void randomBytesBecomeNoCodes(
      @ForAll long seed, @ForAll ScanFraming.Terminator terminator, @ForAll boolean withPrefix) {
    byte[] noise = new byte[64 * 1024];
    new Random(seed).nextBytes(noise);
    ScanFraming framing = new ScanFraming(withPrefix ? "\u0002" : "", "", terminator, 512);
    List<ScanResult> results = new ArrayList<>();
    // Fed as reads of up to 512 bytes arrive, as the reader thread does.
    for (int at = 0; at < noise.length; at += 512) {
      byte[] chunk = java.util.Arrays.copyOfRange(noise, at, Math.min(noise.length, at + 512));
      for (ScanFraming.Frame frame : framing.feed(chunk, chunk.length)) {
        ScanResult r = SerialScanner.verdict(frame, PARSER);
        if (r != null) {
          results.add(r);
        }
      }
    }
    if (terminator != ScanFraming.Terminator.CRLF) {
      // A one-byte terminator comes every 256 bytes or so: the noise was framed, not ignored. (CR
      // then LF comes once in 64 KiB on average, so a try may hold none.)
      assertThat(results).isNotEmpty();
    }
    assertThat(results)
        .as("codes read from noise")
        .filteredOn(ScanResult.Accepted.class::isInstance)
        .isEmpty();
  }
}
