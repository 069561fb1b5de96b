package io.kasa.devices.scanner;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.domain.barcode.BarcodeParser;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WedgeDecoderTest {

  private static final long MS = 1_000_000L;
  private final WedgeDecoder decoder =
      new WedgeDecoder(
          BarcodeParser.withoutEmbeddedLabels(), Duration.ofMillis(40), 4, Clock.systemUTC());

  @Test
  void fastKeysEndingInEnterAreAScanAndNeverReachTheTextField() {
    long t = 1_000 * MS;
    for (char c : "4820000191357".toCharArray()) {
      WedgeDecoder.Decision d = decoder.key(c, t);
      assertThat(d.consume()).isTrue();
      assertThat(d.release()).isEmpty();
      t += 8 * MS;
    }
    WedgeDecoder.Decision end = decoder.key('\r', t);
    assertThat(end.consume()).isTrue();
    assertThat(end.scan()).isNotNull();
    assertThat(end.scan().accepted()).isTrue();
    assertThat(end.scan().raw()).isEqualTo("4820000191357");
    assertThat(end.scan().source()).isEqualTo("keyboard");
  }

  @Test
  void aBurstSeenLateAndUnevenlyByABusyUiThreadIsStillOneScan() {
    // The UI thread was busy between keys: it saw them 120 ms apart, with no quiet moment between.
    long t = 0;
    for (char c : "4820000191357".toCharArray()) {
      WedgeDecoder.Decision d = decoder.key(c, t);
      assertThat(d.release()).isEmpty();
      t += 120 * MS;
    }
    WedgeDecoder.Decision end = decoder.key('\r', t);
    assertThat(end.scan()).isNotNull();
    assertThat(end.scan().raw()).isEqualTo("4820000191357");
  }

  @Test
  void humanTypingIsReleasedWhenAQuietMomentProvesThePause() {
    assertThat(decoder.key('m', 0).consume()).isTrue();
    assertThat(decoder.idle(30 * MS)).isEmpty();
    assertThat(decoder.idle(41 * MS)).isEqualTo("m");
    decoder.key('i', 180 * MS);
    assertThat(decoder.idle(400 * MS)).isEqualTo("i");
    assertThat(decoder.idle(500 * MS)).isEmpty();
  }

  @Test
  void enterAfterAFewHeldKeysReleasesThemAndPasses() {
    decoder.key('1', 0);
    decoder.key('2', 10 * MS);
    WedgeDecoder.Decision enter = decoder.key('\n', 300 * MS);
    assertThat(enter.consume()).isFalse();
    assertThat(enter.release()).isEqualTo("12");
    assertThat(enter.scan()).isNull();
  }

  @Test
  void aShortFastBurstIsNotAScan() {
    decoder.key('4', 0);
    decoder.key('2', 5 * MS);
    WedgeDecoder.Decision enter = decoder.key('\r', 10 * MS);
    assertThat(enter.scan()).isNull();
    assertThat(enter.release()).isEqualTo("42");
  }

  @Test
  void aKeyNoScannerSendsReleasesWhatIsHeld() {
    decoder.key('a', 0);
    decoder.key('b', 5 * MS);
    assertThat(decoder.flush()).isEqualTo("ab");
    assertThat(decoder.key('\r', 6 * MS).scan()).isNull();
  }

  @Test
  void garbageFromAWedgeIsARejectedScan() {
    long t = 0;
    for (char c : "4820000191351".toCharArray()) {
      decoder.key(c, t);
      t += 5 * MS;
    }
    WedgeDecoder.Decision end = decoder.key('\t', t);
    assertThat(end.scan().accepted()).isFalse();
  }
}
