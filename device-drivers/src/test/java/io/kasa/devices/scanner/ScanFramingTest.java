package io.kasa.devices.scanner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScanFramingTest {

  private static List<ScanFraming.Frame> feed(ScanFraming f, String s) {
    byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
    return f.feed(bytes, bytes.length);
  }

  @Test
  void anyTerminatorTreatsCrLfAsOne() {
    ScanFraming f = ScanFraming.defaults();
    assertThat(feed(f, "123\r\n456\n789\t"))
        .extracting(ScanFraming.Frame::text)
        .containsExactly("123", "456", "789");
  }

  @Test
  void crLfTerminatorKeepsLoneCr() {
    ScanFraming f = new ScanFraming("", "", ScanFraming.Terminator.CRLF, 64);
    assertThat(feed(f, "12\r34\r\n")).extracting(ScanFraming.Frame::text).containsExactly("12\r34");
  }

  @Test
  void prefixAndSuffixAreStripped() {
    ScanFraming f = new ScanFraming("*", "#", ScanFraming.Terminator.TAB, 64);
    assertThat(feed(f, "*4820000191357#\t"))
        .extracting(ScanFraming.Frame::text)
        .containsExactly("4820000191357");
  }

  @Test
  void overlongInputIsMarkedAndTheNextScanIsClean() {
    ScanFraming f = new ScanFraming("", "", ScanFraming.Terminator.CR, 8);
    List<ScanFraming.Frame> frames = feed(f, "1234567890123\r42\r");
    assertThat(frames.get(0).overlong()).isTrue();
    assertThat(frames.get(1)).isEqualTo(new ScanFraming.Frame("42", false));
  }

  @Test
  void utf8QrPayloadsAreDecoded() {
    assertThat(feed(ScanFraming.defaults(), "Київ\r"))
        .extracting(ScanFraming.Frame::text)
        .containsExactly("Київ");
  }

  @Test
  void aCrLfScannerResynchronisesAtTheTerminatorAfterAnOverlongLine() {
    ScanFraming f = new ScanFraming("", "", ScanFraming.Terminator.CRLF, 512);
    List<ScanFraming.Frame> frames =
        feed(f, "A".repeat(600) + "\r\n" + "4820000191357\r\n".repeat(5));
    assertThat(frames).hasSize(6);
    assertThat(frames.get(0).overlong()).isTrue();
    assertThat(frames.subList(1, 6)).containsOnly(new ScanFraming.Frame("4820000191357", false));
  }

  @Test
  void aCrLfArrivingJustPastTheMaximumStillEndsTheLine() {
    ScanFraming f = new ScanFraming("", "", ScanFraming.Terminator.CRLF, 8);
    List<ScanFraming.Frame> frames = feed(f, "12345678");
    frames.addAll(feed(f, "\r"));
    frames.addAll(feed(f, "\n42\r\n"));
    assertThat(frames)
        .containsExactly(
            new ScanFraming.Frame("12345678", false), new ScanFraming.Frame("42", false));
  }

  @Test
  void aControlCharacterPrefixIsStrippedAndAFrameWithoutItIsMarked() {
    ScanFraming f =
        new ScanFraming(ControlNames.decode("<STX>"), "", ScanFraming.Terminator.CR, 64);
    assertThat(feed(f, "\u0002]E04820000191357\r4820000191357\r"))
        .containsExactly(
            new ScanFraming.Frame("]E04820000191357", false, false),
            new ScanFraming.Frame("4820000191357", false, true));
  }

  @Test
  void aDiscardedPartialScanLeavesNothingBehind() {
    ScanFraming f = new ScanFraming("", "", ScanFraming.Terminator.CRLF, 64);
    feed(f, "482000\r");
    assertThat(f.hasPartial()).isTrue();
    f.discard();
    assertThat(f.hasPartial()).isFalse();
    assertThat(feed(f, "4820000191357\r\n"))
        .containsExactly(new ScanFraming.Frame("4820000191357", false));
  }

  @Test
  void tooSmallAMaximumIsRefused() {
    assertThatThrownBy(() -> new ScanFraming("", "", ScanFraming.Terminator.CR, 2))
        .hasMessageContaining("at least 8");
  }
}
