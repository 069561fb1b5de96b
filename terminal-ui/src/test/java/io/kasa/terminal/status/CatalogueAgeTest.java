package io.kasa.terminal.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.i18n.Messages;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The status bar says how old the catalogue is once the till has not heard from the service. */
class CatalogueAgeTest {

  private static final Instant NOW = Instant.parse("2026-12-04T12:00:00Z");

  private static String shown(Locale language, Duration age) {
    StatusViewModel vm = new StatusViewModel(new Messages(language));
    vm.currentAt(NOW.minus(age), NOW);
    return vm.catalogueProperty().get();
  }

  @Test
  void aTillThatHeardFromTheServiceRecentlySaysNothing() {
    assertThat(shown(Locale.ENGLISH, Duration.ZERO)).isEmpty();
    assertThat(shown(Locale.ENGLISH, StatusViewModel.CATALOGUE_STALE_AFTER)).isEmpty();
  }

  @Test
  void aTillThatHasNotHeardForAWhileSaysHowOldItsCatalogueIs() {
    assertThat(shown(Locale.ENGLISH, Duration.ofMinutes(25))).isEqualTo("Catalogue: 25 min old");
    assertThat(shown(Locale.ENGLISH, Duration.ofMinutes(130))).isEqualTo("Catalogue: 2 h old");
    assertThat(shown(Locale.ENGLISH, Duration.ofDays(3))).isEqualTo("Catalogue: 3 days old");
  }

  @Test
  void inUkrainianTheAgeTakesTheRightPluralForm() {
    Locale uk = Locale.forLanguageTag("uk");
    assertThat(shown(uk, Duration.ofMinutes(130))).isEqualTo("Каталог: 2 год тому");
    assertThat(shown(uk, Duration.ofDays(2))).isEqualTo("Каталог: 2 дні тому");
    assertThat(shown(uk, Duration.ofDays(5))).isEqualTo("Каталог: 5 днів тому");
  }

  @Test
  void theAgeFollowsTheLanguageWhenItIsSwitched() {
    Messages messages = new Messages(Locale.ENGLISH);
    StatusViewModel vm = new StatusViewModel(messages);
    vm.currentAt(NOW.minus(Duration.ofHours(2)), NOW);
    messages.use(Locale.forLanguageTag("uk"));
    assertThat(vm.catalogueProperty().get()).isEqualTo("Каталог: 2 год тому");
  }

  @Test
  void aTillThatNeverHeardFromTheServiceShowsNoAge() {
    StatusViewModel vm = new StatusViewModel(new Messages(Locale.ENGLISH));
    vm.currentAt(null, NOW);
    assertThat(vm.catalogueProperty().get()).isEmpty();
  }
}
