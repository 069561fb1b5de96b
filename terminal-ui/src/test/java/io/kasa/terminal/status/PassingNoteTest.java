package io.kasa.terminal.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.i18n.Messages;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * A note about what the person signed in did («Рахунок 1 оплачено») goes when they sign out; a note
 * about the till (a Z report printed late, a drawer left open) stays for whoever comes next.
 */
class PassingNoteTest {

  @Test
  void aNoteOfThePersonsOwnGoesAtSignOutATillsNoteStays() {
    StatusViewModel vm = new StatusViewModel(new Messages(Locale.forLanguageTag("uk")));
    vm.employeeProperty().set("Ірина");
    vm.noteUntilSignOut("Рахунок 1 оплачено");
    vm.signedOut();
    assertThat(vm.noteProperty().get()).isEmpty();
    assertThat(vm.employeeProperty().get()).isEmpty();

    vm.noteUntilSignOut("Рахунок 2 оплачено");
    vm.note("Z-звіт надруковано із запізненням");
    vm.signedOut();
    assertThat(vm.noteProperty().get()).isEqualTo("Z-звіт надруковано із запізненням");
  }
}
