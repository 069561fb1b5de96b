package io.kasa.terminal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every word the register shows exists in English and in Ukrainian, and switches at runtime. */
class MessagesTest {

  @Test
  void everyKeyIsInBothLanguages() {
    ResourceBundle.Control exact =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    Set<String> english = ResourceBundle.getBundle(Messages.BUNDLE, Locale.ROOT, exact).keySet();
    Set<String> ukrainian =
        ResourceBundle.getBundle(Messages.BUNDLE, Locale.forLanguageTag("uk"), exact).keySet();
    assertThat(ukrainian).containsExactlyInAnyOrderElementsOf(english);
  }

  @Test
  void noKeyIsSaidTwiceInABundle() throws java.io.IOException {
    // A later line silently wins: two screens meaning different things would say the same words.
    for (String file : List.of("messages.properties", "messages_uk.properties")) {
      List<String> keys = new ArrayList<>();
      try (var in = Messages.class.getResourceAsStream(file)) {
        for (String line :
            new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
          String trimmed = line.strip();
          if (!trimmed.isEmpty() && !trimmed.startsWith("#") && trimmed.contains("=")) {
            keys.add(trimmed.substring(0, trimmed.indexOf('=')).strip());
          }
        }
      }
      assertThat(keys).as(file).doesNotHaveDuplicates();
    }
  }

  @Test
  void aWaitOfNoMinutesIsSaidInWordsNotAsZero() {
    Messages uk = new Messages(Locale.forLanguageTag("uk"));
    assertThat(uk.get("host.table.now", 2, 0L)).isEqualTo("2 гості · щойно");
    assertThat(uk.get("host.table.now", 5, 12L)).isEqualTo("5 гостей · 12 хв");
    assertThat(uk.get("host.table.taken", 1, 0L, "гості сіли")).startsWith("1 гість · щойно сіли");
    assertThat(uk.get("host.quoted", "Коваленко", 0))
        .isEqualTo("Чекати Коваленко: стіл вільний зараз");
    assertThat(uk.get("host.party.waiting", 0L)).isEqualTo("щойно прийшли");
    assertThat(uk.get("host.quote.now")).isEqualTo("обіцяно: зараз");
    Messages en = new Messages(Locale.ENGLISH);
    assertThat(en.get("host.quoted", "Smith", 15)).isEqualTo("Quote Smith: about 15 min");
    assertThat(en.get("host.table.taken", 2, 0L, "seated"))
        .isEqualTo("2 guests · just seated · seated");
  }

  @Test
  void boundTextFollowsTheLanguage() {
    Messages m = new Messages(Locale.ENGLISH);
    var label = m.binding("payment.change");
    assertThat(label.get()).isEqualTo("Change");
    m.use(Locale.forLanguageTag("uk"));
    assertThat(label.get()).isEqualTo("Решта");
  }

  @Test
  void argumentsAreFormattedInTheLanguage() {
    assertThat(new Messages(Locale.ENGLISH).get("scan.unknown", "123"))
        .isEqualTo("Not in the catalogue: 123");
  }

  @Test
  void aLabelWatchingItsTextSwitchesOnTheFirstTap() {
    Messages m = new Messages(Locale.forLanguageTag("uk"));
    var label = new javafx.beans.property.SimpleStringProperty();
    // Bound like a Label's text, watched like a skin watches it: evaluated as soon as invalidated.
    label.bind(m.binding("payment.change"));
    List<String> seen = new ArrayList<>();
    label.addListener((o, was, now) -> seen.add(now));
    var status = new javafx.beans.property.SimpleStringProperty(m.get("shift.state.closed"));
    m.follow(status);

    m.use(Locale.ENGLISH);
    assertThat(seen).containsExactly("Change");
    assertThat(status.get()).isEqualTo("No shift open");

    m.use(Locale.forLanguageTag("uk"));
    assertThat(seen).containsExactly("Change", "Решта");
    assertThat(status.get()).isEqualTo("Зміну не відкрито");
  }

  @Test
  void aTextSaidWithArgumentsIsSaidAgainInTheOtherLanguage() {
    Messages m = new Messages(Locale.ENGLISH);
    String said = m.get("scan.unknown", "4820000000000");
    m.use(Locale.forLanguageTag("uk"));
    assertThat(m.again(said)).isEqualTo("Немає в каталозі: 4820000000000");
    assertThat(m.again("Хліб Український")).isEqualTo("Хліб Український");
  }

  @Test
  void ukrainianCountsTakeTheirPluralForm() {
    Messages m = new Messages(Locale.forLanguageTag("uk"));
    assertThat(m.get("host.splitEven", 1)).isEqualTo("Поділено на 1 рівну частину");
    assertThat(m.get("host.splitEven", 3)).isEqualTo("Поділено на 3 рівні частини");
    assertThat(m.get("host.splitEven", 5)).isEqualTo("Поділено на 5 рівних частин");
    assertThat(m.get("host.splitEven", 21)).isEqualTo("Поділено на 21 рівну частину");
    assertThat(m.get("host.party.who", "Бойко", 11)).isEqualTo("Бойко · 11 гостей");
    assertThat(m.get("host.party.who", "Бойко", 22)).isEqualTo("Бойко · 22 гості");
    assertThat(m.get("host.seatGuests", 1, "6")).isEqualTo("Посадити 1 гостя за стіл 6");
    assertThat(m.get("host.split.byItems", 3)).isEqualTo("3 вибрані позиції окремим рахунком");
    Messages en = new Messages(Locale.ENGLISH);
    assertThat(en.get("host.party.who", "Smith", 1)).isEqualTo("Smith · 1 guest");
    assertThat(en.get("host.party.who", "Smith", 2)).isEqualTo("Smith · 2 guests");
  }

  @Test
  void anApostropheInAPatternWithArgumentsStays() {
    assertThat(new Messages(Locale.ENGLISH).get("host.pay.missing", "Борщ"))
        .isEqualTo("Борщ is not in this register's catalogue yet: let it sync, then try again");
  }

  @Test
  void dialogButtonsSpeakTheRegistersLanguage() {
    Messages m = new Messages(Locale.forLanguageTag("uk"));
    assertThat(
            m.button("common.cancel", javafx.scene.control.ButtonBar.ButtonData.CANCEL_CLOSE)
                .getText())
        .isEqualTo("Скасувати");
  }
}
