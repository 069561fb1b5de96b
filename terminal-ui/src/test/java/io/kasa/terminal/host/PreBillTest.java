package io.kasa.terminal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.CheckLineDto;
import io.kasa.api.sales.ChosenModifierDto;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.receipt.ReceiptOptions;
import io.kasa.devices.receipt.ReceiptRenderer;
import io.kasa.domain.receipt.ReceiptTextLayout.Line;
import io.kasa.terminal.i18n.Messages;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A pre-bill never prints past its paper, whatever the names, amounts, language and printer. */
class PreBillTest {

  private static final String LETTERS = "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяABCXYZ ’'\"-№%";

  @Test
  void everyPrintedLineFitsThePaperOfEveryPrinterInBothLanguages() {
    Random random = new Random(18);
    for (PrinterProfile profile : PrinterProfiles.builtIn().all()) {
      ReceiptRenderer renderer = new ReceiptRenderer(profile, ReceiptOptions.defaults());
      int columns = renderer.columns();
      for (String language : List.of("uk", "en")) {
        Messages m = new Messages(Locale.forLanguageTag(language));
        for (int run = 0; run < 50; run++) {
          List<Line> lines =
              PreBill.lines(
                  check(random),
                  word(random, 1 + random.nextInt(80)),
                  word(random, 1 + random.nextInt(30)),
                  Currency.getInstance("UAH"),
                  Locale.forLanguageTag("uk-UA"),
                  ZoneOffset.UTC,
                  Instant.parse("2026-12-04T12:00:00Z"),
                  m,
                  columns,
                  renderer::printable);
          for (Line line : lines) {
            assertThat(renderer.printable(line.text()).length())
                .as("%s, %d columns, %s: %s", profile.id(), columns, language, line.text())
                .isLessThanOrEqualTo(columns);
          }
        }
      }
    }
  }

  @Test
  void theTotalIsMeasuredAsPrintedAndTheDateReadsAsOnReceipts() {
    ReceiptRenderer renderer =
        new ReceiptRenderer(PrinterProfiles.builtIn().all().get(0), ReceiptOptions.defaults());
    List<Line> lines =
        atCafe(
            tableSix(
                new CheckLineDto(UUID.randomUUID(), "1", "Борщ", "1", 16_500, 16_500, 1),
                "Коваленко"),
            renderer.columns(),
            text -> text.replace("₴", "грн"));
    Line total = lines.stream().filter(l -> l.text().contains("165,00")).reduce((a, b) -> b).get();
    assertThat(total.text()).endsWith("165,00 грн").hasSize(renderer.columns());
    // The store's short date and time, as its receipts print them.
    assertThat(lines).anySatisfy(l -> assertThat(l.text()).endsWith("01.01.70, 00:00"));
  }

  @Test
  void optionsAndNotesStayIndentedUnderTheirItemWhenTheyWrap() {
    ReceiptRenderer renderer =
        new ReceiptRenderer(PrinterProfiles.builtIn().all().get(0), ReceiptOptions.defaults());
    int columns = renderer.columns();
    CheckLineDto steak =
        new CheckLineDto(
            UUID.randomUUID(),
            "steak",
            "Стейк",
            "1",
            45_500,
            49_000,
            1,
            List.of(
                new ChosenModifierDto(
                    "doneness", "medium", 0, "Ступінь просмаження", "Середня, з рожевим центром"),
                new ChosenModifierDto("sauce", "pepper", 3_500, "Соус", "Перцевий")),
            "без цибулі, соус окремо, і дуже гарячу тарілку будь ласка",
            1,
            null,
            null);
    List<Line> lines = atCafe(tableSix(steak, null), columns, renderer::printable);
    List<String> texts = lines.stream().map(Line::text).toList();
    int item = texts.indexOf("Стейк");
    int rule = texts.subList(item, texts.size()).indexOf("-".repeat(columns)) + item;
    List<String> beneath = texts.subList(item + 1, rule);
    // The quantity line, the unpriced option over two lines, the sauce, the note over two or more.
    assertThat(beneath).hasSizeGreaterThanOrEqualTo(6);
    assertThat(beneath)
        .allSatisfy(t -> assertThat(t).startsWith("  ").hasSizeLessThanOrEqualTo(columns));
    assertThat(beneath).anySatisfy(t -> assertThat(t).contains("Середня,"));
    assertThat(beneath).anySatisfy(t -> assertThat(t).isEqualTo("  центром"));
  }

  /** The pre-bill of {@code check} at table 6 of «Кафе», in Ukrainian, at the epoch in UTC. */
  private static List<Line> atCafe(
      CheckDto check, int columns, java.util.function.UnaryOperator<String> printable) {
    return PreBill.lines(
        check,
        "Кафе",
        "6",
        Currency.getInstance("UAH"),
        Locale.forLanguageTag("uk-UA"),
        ZoneOffset.UTC,
        Instant.EPOCH,
        new Messages(Locale.forLanguageTag("uk")),
        columns,
        printable);
  }

  /** Check 7 of two guests with one line, open. */
  private static CheckDto tableSix(CheckLineDto line, String party) {
    return new CheckDto(
        UUID.randomUUID(),
        UUID.randomUUID(),
        7,
        2,
        "OPEN",
        Instant.EPOCH,
        1,
        List.of(line),
        line.amount(),
        null,
        1,
        party);
  }

  private static CheckDto check(Random random) {
    List<CheckLineDto> lines = new ArrayList<>();
    long total = 0;
    for (int i = 0; i < 1 + random.nextInt(6); i++) {
      long price = random.nextInt(10) == 0 ? 99_999_999L : 1 + random.nextInt(500_000);
      int quantity = 1 + random.nextInt(20);
      lines.add(
          new CheckLineDto(
              UUID.randomUUID(),
              "item-" + i,
              word(random, 1 + random.nextInt(120)),
              String.valueOf(quantity),
              price,
              price * quantity,
              random.nextInt(5)));
      total += price * quantity;
    }
    return new CheckDto(
        UUID.randomUUID(),
        UUID.randomUUID(),
        1 + random.nextInt(99_999),
        1 + random.nextInt(30),
        "OPEN",
        Instant.EPOCH,
        1 + random.nextInt(9),
        lines,
        total,
        null,
        1,
        random.nextBoolean() ? null : word(random, 1 + random.nextInt(80)));
  }

  private static String word(Random random, int length) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < length; i++) {
      b.append(LETTERS.charAt(random.nextInt(LETTERS.length())));
    }
    return b.toString().strip().isEmpty() ? "x" : b.toString();
  }
}
