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
  void tooSmallAMaximumIsRefused() {
    assertThatThrownBy(() -> new ScanFraming("", "", ScanFraming.Terminator.CR, 2))
        .hasMessageContaining("at least 8");
  }
}
