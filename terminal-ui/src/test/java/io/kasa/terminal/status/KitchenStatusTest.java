package io.kasa.terminal.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.client.kitchen.KitchenFeed;
import io.kasa.terminal.i18n.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The status bar says when kitchen tickets wait (ADR 0053), and nothing while they print. */
class KitchenStatusTest {

  @Test
  void waitingTicketsShowUntilThePrinterAndTheServiceAreBack() {
    Messages messages = new Messages(Locale.ENGLISH);
    StatusViewModel vm = new StatusViewModel(messages);
    assertThat(vm.kitchenProperty().get()).isEmpty();
    vm.kitchen(KitchenFeed.State.PRINTER_DOWN);
    assertThat(vm.kitchenProperty().get()).isEqualTo("Kitchen printer down: tickets wait");
    vm.kitchen(KitchenFeed.State.CONNECTING);
    assertThat(vm.kitchenProperty().get()).isEmpty();
    vm.kitchen(KitchenFeed.State.OFFLINE);
    messages.use(Locale.forLanguageTag("uk"));
    assertThat(vm.kitchenProperty().get()).isEqualTo("Кухонні квитки чекають: немає сервісу");
    vm.kitchen(KitchenFeed.State.LIVE);
    assertThat(vm.kitchenProperty().get()).isEmpty();
    assertThat(vm.kitchenLevelProperty().get()).isEqualTo(StatusViewModel.Level.OK);
  }

  @Test
  void ticketsOnTheFallbackPrinterAreAWarningInBothLanguages() {
    Messages messages = new Messages(Locale.forLanguageTag("uk"));
    StatusViewModel vm = new StatusViewModel(messages);
    vm.kitchen(KitchenFeed.State.FALLBACK);
    assertThat(vm.kitchenProperty().get())
        .isEqualTo("Кухонний принтер не друкує: квитки йдуть на резервний");
    assertThat(vm.kitchenLevelProperty().get()).isEqualTo(StatusViewModel.Level.WARNING);
    messages.use(Locale.ENGLISH);
    assertThat(vm.kitchenProperty().get())
        .isEqualTo("Kitchen printer down: tickets go to the fallback");
    vm.kitchen(KitchenFeed.State.PRINTER_DOWN);
    assertThat(vm.kitchenLevelProperty().get()).isEqualTo(StatusViewModel.Level.ERROR);
  }
}
