package io.kasa.devices.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextEncoderTest {

  @Test
  void ukrainianPrintsExactlyInCp1251() {
    TextEncoder encoder = new TextEncoder(List.of(CodePage.CP1251, CodePage.CP437));
    List<TextEncoder.Run> runs = encoder.encode("Їжак і ґудзик, Єва", CodePage.CP1251);
    assertThat(runs).hasSize(1);
    assertThat(runs.get(0).page()).isEqualTo(CodePage.CP1251);
    assertThat(new String(runs.get(0).bytes(), Charset.forName("windows-1251")))
        .isEqualTo("Їжак і ґудзик, Єва");
  }

  @Test
  void cp866OnlyPrinterGetsLatinLookAlikesNotGarbage() {
    TextEncoder encoder = new TextEncoder(List.of(CodePage.CP866));
    List<TextEncoder.Run> runs = encoder.encode("Сіль і Ґрунт", CodePage.CP866);
    assertThat(new String(runs.get(0).bytes(), Charset.forName("IBM866")))
        .isEqualTo("Сiль i Грунт");
  }

  @Test
  void hryvniaSignFallsBackToHrn() {
    TextEncoder encoder = new TextEncoder(List.of(CodePage.CP1251));
    assertThat(decode(encoder.encode("12,50 ₴", CodePage.CP1251))).isEqualTo("12,50 грн");
    assertThat(decode(new TextEncoder(List.of(CodePage.CP437)).encode("5 ₴", CodePage.CP437)))
        .isEqualTo("5 UAH");
  }

  @Test
  void switchesPagesOnlyWhereNeeded() {
    TextEncoder encoder = new TextEncoder(List.of(CodePage.CP437, CodePage.CP1251));
    List<TextEncoder.Run> runs = encoder.encode("Total Сума ½", CodePage.CP437);
    // "Total " fits the current page; the Cyrillic run and the following space stay in CP1251;
    // ½ is only in CP437.
    assertThat(runs)
        .extracting(TextEncoder.Run::page)
        .containsExactly(CodePage.CP437, CodePage.CP1251, CodePage.CP437);
  }

  @Test
  void typographyAndAccentsBecomeAscii() {
    TextEncoder encoder = new TextEncoder(List.of(CodePage.CP437));
    assertThat(decode(encoder.encode("“Café” — 3×2… Gődör", CodePage.CP437)))
        .isEqualTo("\"Café\" - 3x2... Godör");
  }

  @Test
  void charactersNoPageHasBecomeQuestionMarksAndControlsNeverPass() {
    TextEncoder encoder = new TextEncoder(List.of(CodePage.CP1251));
    assertThat(decode(encoder.encode("漢\u001b@", CodePage.CP1251))).isEqualTo("??@");
    assertThat(encoder.printsExactly("Сума")).isTrue();
    assertThat(encoder.printsExactly("₴")).isFalse();
  }

  private static String decode(List<TextEncoder.Run> runs) {
    StringBuilder s = new StringBuilder();
    for (TextEncoder.Run run : runs) {
      for (byte b : run.bytes()) {
        s.append(run.page().decode(b));
      }
    }
    return s.toString();
  }
}
