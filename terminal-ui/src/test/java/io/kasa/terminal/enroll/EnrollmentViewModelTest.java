package io.kasa.terminal.enroll;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.DirectTaskExecutor;
import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnrollmentViewModelTest {

  /** The tries the wizard made, as the service would see them. */
  private record Try(String code, UUID key) {}

  private final List<Try> tries = new ArrayList<>();
  private boolean answerLost = true;

  private EnrollmentViewModel vm() {
    EnrollmentViewModel vm =
        new EnrollmentViewModel(
            new EnrollmentViewModel.Enrollment() {
              @Override
              public boolean reachable(URI url) {
                return true;
              }

              @Override
              public void enroll(
                  URI url, String code, UUID key, java.util.function.LongConsumer progress)
                  throws IOException {
                tries.add(new Try(code, key));
                if (answerLost) {
                  throw new IOException("connection reset");
                }
              }

              @Override
              public void devices(String printerUri, String profile) {}
            },
            new DirectTaskExecutor(),
            new Messages(Locale.ENGLISH),
            List.of(),
            uri -> {});
    vm.urlProperty().set("https://kasa.example.com");
    return vm;
  }

  @Test
  void everyTryOfACodeGoesUnderThatCodesKeyAndAnotherCodeUnderItsOwn() {
    EnrollmentViewModel vm = vm();
    vm.codeProperty().set("abcd-efgh-jkmn");
    vm.enroll();
    assertThat(vm.messageProperty().get()).startsWith("Not enrolled");
    vm.codeProperty().set(" ABCD-EFGH-JKMN ");
    vm.enroll();
    vm.codeProperty().set("WXYZ-EFGH-JKMN");
    vm.enroll();
    answerLost = false;
    vm.codeProperty().set("ABCD-EFGH-JKMN");
    vm.enroll();

    assertThat(tries)
        .extracting(Try::code)
        .containsExactly("ABCD-EFGH-JKMN", "ABCD-EFGH-JKMN", "WXYZ-EFGH-JKMN", "ABCD-EFGH-JKMN");
    assertThat(tries.get(1).key()).isEqualTo(tries.get(0).key());
    assertThat(tries.get(2).key()).isNotEqualTo(tries.get(0).key());
    // Back to the first code after another: its own key again, in case a try of it got through.
    assertThat(tries.get(3).key()).isEqualTo(tries.get(0).key());
    assertThat(vm.stepProperty().get()).isEqualTo(EnrollmentViewModel.Step.DEVICES);
  }
}
