package io.kasa.terminal.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.i18n.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The status bar says when the scanner is unplugged and, once, when it is back. */
class ScannerStatusTest {

  @Test
  void anUnpluggedScannerShowsUntilItIsBackAndItsReturnIsNotedOnce() {
    Messages messages = new Messages(Locale.ENGLISH);
    StatusViewModel vm = new StatusViewModel(messages);
    assertThat(vm.scannerProperty().get()).isEmpty();
    vm.scanner(false);
    assertThat(vm.scannerProperty().get()).isEqualTo("Scanner unplugged — check its cable");
    assertThat(vm.noteProperty().get()).isEmpty();
    vm.scanner(true);
    assertThat(vm.scannerProperty().get()).isEmpty();
    assertThat(vm.noteProperty().get()).isEqualTo("Scanner connected again");
    vm.note("");
    vm.scanner(true);
    assertThat(vm.noteProperty().get()).as("no second note without a second unplug").isEmpty();
  }

  @Test
  void inUkrainianTooAndAfterASwitchOfLanguage() {
    Messages messages = new Messages(Locale.ENGLISH);
    StatusViewModel vm = new StatusViewModel(messages);
    vm.scanner(false);
    messages.use(Locale.forLanguageTag("uk"));
    assertThat(vm.scannerProperty().get()).isEqualTo("Сканер від’єднано — перевірте кабель");
    vm.scanner(true);
    assertThat(vm.noteProperty().get()).isEqualTo("Сканер знову під’єднано");
  }
}
