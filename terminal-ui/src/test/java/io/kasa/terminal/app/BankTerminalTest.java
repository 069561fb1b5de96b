package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.sim.FaultProxy;
import io.kasa.client.store.Outbox;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.terminal.sale.SaleViewModel;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import javafx.event.Event;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * A card paid on the shop's own bank terminal, recorded at the register through the real service:
 * the payment screen's button, its small form typed into by touch and keys, the tender on the
 * service with the slip's code and the card's last digits, the receipt, and no drawer.
 */
class BankTerminalTest extends RegisterUiTest {

  @Override
  String terminalPrefix() {
    return "B";
  }

  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
  }

  /** Signed in, the shift open, a loaf of bread (31,00) scanned, on the payment screen. */
  private void breadToPay(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    robot.interact(
        () -> {
          var scene = fixture.register.scene();
          var target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
          for (char c : "4820000191357".toCharArray()) {
            Event.fireEvent(
                target,
                new KeyEvent(
                    KeyEvent.KEY_TYPED,
                    String.valueOf(c),
                    "",
                    KeyCode.UNDEFINED,
                    false,
                    false,
                    false,
                    false));
          }
          Event.fireEvent(
              target,
              new KeyEvent(
                  KeyEvent.KEY_PRESSED, "", "", KeyCode.ENTER, false, false, false, false));
        });
    await().atMost(Duration.ofSeconds(10)).until(() -> sale().lines().size() == 1);
    robot.clickOn("#pay");
  }

  private SaleViewModel sale() {
    return fixture.register.sale();
  }

  private static String text(FxRobot robot, String id) {
    return robot.lookup(id).queryAs(TextField.class).getText();
  }

  /** Waits until the wedge filter has let the typed keys through (ADR 0023). */
  private static void typedInto(FxRobot robot, String id, String expected) {
    await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, id).equals(expected));
  }

  @Test
  void aSalePaidOnTheBankTerminalReachesTheServiceWithItsCodeAndDigitsAndPrintsThem(FxRobot robot)
      throws Exception {
    breadToPay(robot);
    robot.clickOn("#bank-terminal-open");
    // All that is left to pay, unless the cashier changes it.
    assertThat(text(robot, "#bank-amount")).isEqualTo("31,00");
    robot.clickOn("#bank-code").write("123AB");
    typedInto(robot, "#bank-code", "123AB");
    robot.clickOn("#bank-last4").write("1234");
    typedInto(robot, "#bank-last4", "1234");
    // The digits stayed in the field: none went to the keypad's entry as a code typed by hand.
    assertThat(sale().entryProperty().get()).isEmpty();
    robot.clickOn("#bank-record");

    // Five characters: refused in words, in the form, and nothing is paid.
    assertThat(robot.lookup("#bank-problem").queryAs(Label.class).getText())
        .isEqualTo("The approval code is exactly 6 Latin letters or digits, as on the slip");
    assertThat(sale().paid()).isEmpty();
    assertThat(sale().sale().tenders()).isEmpty();
    assertThat(sale().phaseProperty().get()).isEqualTo(SaleViewModel.Phase.PAYMENT);

    robot.clickOn("#bank-code").write("C");
    typedInto(robot, "#bank-code", "123ABC");
    robot.clickOn("#bank-record");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    var paid = sale().sale();
    String number = sale().receiptNumberProperty().get();
    assertThat(sale().receipt())
        .anyMatch(l -> l.contains("**** 1234"))
        .anyMatch(l -> l.contains("123ABC"));
    Path receipts = fixture.data.resolve("receipts");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> java.nio.file.Files.exists(receipts.resolve(number + ".pdf")));
    try (PDDocument pdf = Loader.loadPDF(receipts.resolve(number + ".pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf)).contains("**** 1234").contains("123ABC");
    }
    var printer = fixture.devices().virtualPrinter().orElseThrow();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> printer.textLines().stream().anyMatch(l -> l.contains("**** 1234")));
    // No cash changed hands: the receipt as sent to the printer does not open the drawer.
    byte[] sent = java.nio.file.Files.readAllBytes(receipts.resolve(number + ".escpos"));
    assertThat(new EscPosDecoder(printer.profile()).decode(sent))
        .isNotEmpty()
        .noneMatch(e -> e instanceof PrintElement.DrawerKick);

    fixture.terminal.syncNow();
    assertThat(fixture.terminal.outbox().find(paid.id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    var recorded = fixture.terminal.client().sale(paid.id());
    assertThat(recorded.tenders())
        .extracting(t -> t.type() + " " + t.amount() + " " + t.authorisation())
        .containsExactly("EXTERNAL_CARD 3100 123ABC");
    assertThat(lastDigitsOnTheService(paid.tenders().get(0).id())).isEqualTo("1234");
  }

  @Test
  void offlinePartOnTheBankTerminalAndTheRestInCashIsDeliveredLater(FxRobot robot)
      throws Exception {
    breadToPay(robot);
    fixture.terminal.syncNow();
    fixture.network.fault(FaultProxy.Fault.REFUSE);
    // 20,00 typed on the keypad first becomes the form's amount, as for a card.
    robot.write("20");
    robot.type(KeyCode.F7);
    await().atMost(Duration.ofSeconds(5)).until(() -> text(robot, "#bank-amount").equals("20"));
    robot.clickOn("#bank-code").write("77Q0X1");
    typedInto(robot, "#bank-code", "77Q0X1");
    robot.clickOn("#bank-last4").write("4321");
    typedInto(robot, "#bank-last4", "4321");
    // Enter in the last field records it.
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(5)).until(() -> sale().paid().size() == 1);
    assertThat(sale().paid()).containsExactly("Bank terminal 20,00 ₴ · **** 4321 · code 77Q0X1");
    assertThat(sale().dueProperty().get()).contains("11,00");
    assertThat(robot.lookup("#bank-terminal").query().isVisible()).isFalse();
    robot.clickOn("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    var paid = sale().sale();
    assertThat(fixture.terminal.outbox().find(paid.id()).orElseThrow().state())
        .isNotEqualTo(Outbox.State.ACKNOWLEDGED);

    fixture.network.fault(FaultProxy.Fault.NONE);
    fixture.terminal.syncNow();
    assertThat(fixture.terminal.outbox().find(paid.id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    var recorded = fixture.terminal.client().sale(paid.id());
    assertThat(recorded.tenders())
        .extracting(t -> t.type() + " " + t.amount())
        .containsExactly("EXTERNAL_CARD 2000", "CASH 1100");
    assertThat(recorded.tenders().get(0).authorisation()).isEqualTo("77Q0X1");
    assertThat(lastDigitsOnTheService(paid.tenders().get(0).id())).isEqualTo("4321");
  }

  private static String lastDigitsOnTheService(UUID tender) {
    return cloud
        .database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select card_last4 from tender where id = :id")
                    .bind("id", tender)
                    .mapTo(String.class)
                    .one());
  }
}
