package io.kasa.terminal.signin;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.DirectTaskExecutor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The PIN pad's rules: the PIN alone signs in, nobody is chosen unless tapped, names collated. */
class SignInViewModelTest {

  private static final SignInViewModel.Person IRYNA = person("Ірина", "HOST");
  private static final SignInViewModel.Person OLENA = person("Олена", "CASHIER");
  private static final SignInViewModel.Person ANDRIY = person("Андрій", "MANAGER");
  private static final SignInViewModel.Person TARAS = person("Тарас", "TECHNICIAN");

  private final List<SignInViewModel.Person> asked = new ArrayList<>();
  private final List<SignInViewModel.SignedIn> signedIn = new ArrayList<>();

  private static SignInViewModel.Person person(String name, String role) {
    return new SignInViewModel.Person(UUID.randomUUID(), name, role);
  }

  /** A pad whose authenticator takes 1111 as Олена's PIN, whoever was chosen. */
  private SignInViewModel pad() {
    SignInViewModel vm =
        new SignInViewModel(
            (person, pin) -> {
              asked.add(person);
              if (!pin.equals("1111") || (person != null && person != OLENA)) {
                throw new SignInViewModel.Refused("wrong");
              }
              return new SignInViewModel.SignedIn(OLENA, false);
            },
            new DirectTaskExecutor(),
            new Messages(Locale.forLanguageTag("uk")),
            signedIn::add);
    // In the order the terminal's cache gives them (by code point: І sorts before А).
    vm.staff(List.of(IRYNA, ANDRIY, OLENA, TARAS), Locale.forLanguageTag("uk"));
    return vm;
  }

  private static void type(SignInViewModel vm, String pin) {
    pin.chars().forEach(c -> vm.digit((char) c));
  }

  @Test
  void ukrainianNamesKeepTheirOrderOnAnEnglishScreen() {
    SignInViewModel vm =
        new SignInViewModel(
            (person, pin) -> new SignInViewModel.SignedIn(OLENA, false),
            new DirectTaskExecutor(),
            new Messages(Locale.ENGLISH),
            who -> {});
    vm.staff(List.of(IRYNA, ANDRIY, OLENA, TARAS), Locale.forLanguageTag("uk"));
    assertThat(vm.staff()).containsExactly(ANDRIY, IRYNA, OLENA, TARAS);
  }

  @Test
  void staffAreInUkrainianAlphabeticalOrderAndNobodyIsChosen() {
    SignInViewModel vm = pad();
    assertThat(vm.staff()).containsExactly(ANDRIY, IRYNA, OLENA, TARAS);
    assertThat(vm.chosenProperty().get()).isNull();
  }

  @Test
  void thePinAloneSignsInWhoeverItBelongsTo() {
    SignInViewModel vm = pad();
    type(vm, "1111");
    vm.submit();
    assertThat(asked).containsExactly((SignInViewModel.Person) null);
    assertThat(signedIn).extracting(s -> s.person().name()).containsExactly("Олена");
  }

  @Test
  void aPinTypedSoFastItLooksLikeAScanSignsInButAScanDoesNot() {
    SignInViewModel vm = pad();
    // A barcode from a scanner, a product code typed fast, letters: not a PIN, nothing asked.
    assertThat(vm.typedFast("serial:/dev/ttyUSB0", "1111")).isFalse();
    assertThat(vm.typedFast("keyboard", "4820000191357")).isFalse();
    assertThat(vm.typedFast("keyboard", "11a1")).isFalse();
    assertThat(vm.typedFast("keyboard", "111")).isFalse();
    assertThat(asked).isEmpty();
    assertThat(vm.dotsProperty().get()).isEmpty();
    // Four digits then Enter from the keyboard, bunched by a busy till: the PIN, as typed.
    assertThat(vm.typedFast("keyboard", "1111")).isTrue();
    assertThat(signedIn).extracting(s -> s.person().name()).containsExactly("Олена");
  }

  @Test
  void aNameTappedFirstIsForgottenAfterTheSignInSoTheNextPinIsNotCountedAgainstThem() {
    SignInViewModel vm = pad();
    vm.choose(IRYNA);
    type(vm, "1111");
    vm.submit();
    assertThat(asked).containsExactly(IRYNA);
    assertThat(vm.errorProperty().get()).isEqualTo("wrong");
    // Esc lets go of the name; the PIN alone then signs Олена in.
    vm.reset();
    type(vm, "1111");
    vm.submit();
    assertThat(signedIn).hasSize(1);
    vm.choose(OLENA);
    type(vm, "1111");
    vm.submit();
    assertThat(vm.chosenProperty().get()).as("forgotten after signing in").isNull();
  }
}
