package io.kasa.terminal.i18n;

import static org.assertj.core.api.Assertions.assertThat;

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
}
