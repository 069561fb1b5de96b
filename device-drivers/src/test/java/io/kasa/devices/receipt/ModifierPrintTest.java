package io.kasa.devices.receipt;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.Profiles;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.domain.receipt.Receipt;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A line's options and note printed beneath it (ADR 0043), read back from the printer's bytes. */
class ModifierPrintTest {

  private final Receipt receipt = SampleReceipts.cafe();

  private static List<String> printed(PrinterProfile profile) {
    byte[] bytes =
        new ReceiptRenderer(profile, ReceiptOptions.defaults()).render(SampleReceipts.cafe());
    List<PrintElement> elements = new EscPosDecoder(profile).decode(bytes);
    assertThat(elements).noneMatch(PrintElement.Unknown.class::isInstance);
    return elements.stream()
        .filter(PrintElement.TextLine.class::isInstance)
        .map(e -> ((PrintElement.TextLine) e).text())
        .filter(t -> !t.isEmpty())
        .toList();
  }

  @Test
  void optionsAndNoteArePrintedBeneathTheirLineAsThePreviewShowsThem() {
    PrinterProfile profile = Profiles.epson();
    List<String> printed = printed(profile);
    List<String> preview =
        new ReceiptRenderer(profile, ReceiptOptions.defaults())
            .preview(receipt).stream().filter(t -> !t.isEmpty()).toList();
    assertThat(printed).containsExactlyElementsOf(preview);
    int steak = printed.indexOf("Стейк рібай");
    assertThat(printed.get(steak + 1)).startsWith("  1 шт x 455,00").endsWith("455,00 А");
    assertThat(printed.get(steak + 2)).isEqualTo("  + Ступінь просмаження: Середня");
    assertThat(printed.get(steak + 3)).startsWith("  + Соус: Перцевий").endsWith("+35,00  ");
    assertThat(printed.get(steak + 4)).isEqualTo("  Примітка: без цибулі, соус окремо");
    int latte = printed.indexOf("Лате");
    assertThat(printed.get(latte + 1)).startsWith("  2 шт x 70,00").endsWith("140,00 А");
    assertThat(printed.get(latte + 2)).startsWith("  + Молоко: Вівсяне").endsWith("+15,00  ");
  }

  @Test
  void aNarrowPrinterWrapsThemWithinItsColumns() {
    List<String> printed = printed(Profiles.generic58());
    assertThat(printed).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(32));
    assertThat(String.join("\n", printed)).contains("Ступінь просмаження", "Середня", "Примітка");
  }
}
