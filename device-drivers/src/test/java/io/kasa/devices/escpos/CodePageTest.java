package io.kasa.devices.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.Charset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CodePageTest {

  @Test
  void cp1125IsCp866WithUkrainianLettersAtF2ToF9() {
    Charset cp866 = Charset.forName("IBM866");
    for (int b = 0x80; b <= 0xff; b++) {
      char expected = new String(new byte[] {(byte) b}, cp866).charAt(0);
      char actual = CodePage.CP1125.decode((byte) b);
      if (b >= 0xf2 && b <= 0xf9) {
        continue;
      }
      assertThat(actual).as("byte %02X", b).isEqualTo(expected);
    }
    assertThat(
            new String(
                new char[] {
                  CodePage.CP1125.decode((byte) 0xf2), CodePage.CP1125.decode((byte) 0xf3),
                  CodePage.CP1125.decode((byte) 0xf4), CodePage.CP1125.decode((byte) 0xf5),
                  CodePage.CP1125.decode((byte) 0xf6), CodePage.CP1125.decode((byte) 0xf7),
                  CodePage.CP1125.decode((byte) 0xf8), CodePage.CP1125.decode((byte) 0xf9)
                }))
        .isEqualTo("ҐґЄєІіЇї");
  }

  @Test
  void ukrainianNeedsCp1251OrCp1125() {
    for (char c : "ІіЇїЄєҐґ".toCharArray()) {
      assertThat(CodePage.CP1251.canEncode(c)).as("%s in CP1251", c).isTrue();
      assertThat(CodePage.CP1125.canEncode(c)).as("%s in CP1125", c).isTrue();
    }
    assertThat(CodePage.CP866.canEncode('І')).isFalse();
    assertThat(CodePage.CP866.canEncode('Ґ')).isFalse();
    assertThat(CodePage.CP1251.canEncode('₴')).isFalse();
  }

  @ParameterizedTest
  @EnumSource(CodePage.class)
  void everyPageKeepsAsciiAndNeverMapsControlBytesToText(CodePage page) {
    for (char c = 0x20; c < 0x7f; c++) {
      assertThat(page.encode(c)).isEqualTo((byte) c);
    }
    for (char c = 0; c < 0x20; c++) {
      assertThat(page.canEncode(c)).isFalse();
    }
  }

  @Test
  void idsAcceptVendorSpellings() {
    assertThat(CodePage.fromId("WPC1251")).isEqualTo(CodePage.CP1251);
    assertThat(CodePage.fromId("cp-866")).isEqualTo(CodePage.CP866);
  }
}
