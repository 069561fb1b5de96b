package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.sim.FaultProxy;
import io.kasa.client.store.Outbox;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.service.admin.AdminService;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.sale.SaleViewModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import javafx.event.Event;
import javafx.scene.Scene;
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
import org.testfx.util.WaitForAsyncUtils;

/**
 * The register end to end, headless: the real service on embedded PostgreSQL, the terminal's own
 * SQLite store, the virtual printer. A cashier signs in with her PIN, a wedge scanner types a
 * barcode fast and ends with Enter, she pays cash; the sale is journalled and reaches the service,
 * the receipt prints, and its bytes and PDF are kept.
 */
class RegisterFlowTest extends RegisterUiTest {

  private static int otherRegisters;
  private CloudTerminal terminal;
  private Register register;
  private Path data;
  private FaultProxy network;

  @Override
  String terminalPrefix() {
    return "R";
  }

  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
    terminal = fixture.terminal;
    register = fixture.register;
    data = fixture.data;
    network = fixture.network;
  }

  /** Types like a keyboard-wedge scanner: every key at once, then Enter. */
  private static void wedgeScan(FxRobot robot, Scene scene, String code) {
    robot.interact(
        () -> {
          var target = scene.getFocusOwner() != null ? scene.getFocusOwner() : scene.getRoot();
          for (char c : code.toCharArray()) {
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
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void signInAsCashier(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
  }

  private void openShift(FxRobot robot) {
    TestRegister.openShift(robot, register);
  }

  private void managerApproves(FxRobot robot) {
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#manager-pin").tryQuery().isPresent());
    robot.clickOn("#manager-pin").write("9999");
    robot.clickOn("OK");
  }

  /** At the returns screen: the receipt's number typed, Find, until its {@code lines} show. */
  private void findReceipt(FxRobot robot, String number, int lines) {
    robot.interact(() -> robot.lookup("#return-number").queryAs(TextField.class).setText(number));
    robot.clickOn("#return-find");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.returns().lines().size() == lines);
  }

  /** One of the first line back, in cash, with the manager's PIN; until its receipt shows. */
  private void refundOneOfTheFirstLineInCash(FxRobot robot) {
    robot.clickOn("#more-1");
    robot.clickOn("#return-cash");
    robot.clickOn("#return-refund");
    managerApproves(robot);
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.returns().receipt().isEmpty());
  }

  private void payExactCash(FxRobot robot) {
    robot.clickOn("#pay");
    robot.clickOn("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
  }

  @Test
  void scanPayCashAndTheReceiptPrintsAndIsKept(FxRobot robot) throws Exception {
    signInAsCashier(robot);
    openShift(robot);
    Scene scene = register.scene();
    wedgeScan(robot, scene, "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().lines().get(0).name()).isEqualTo("Хліб житній");
    assertThat(robot.lookup("#total").queryAs(Label.class).getText()).contains("31,00");

    wedgeScan(robot, scene, "4820001234565");
    wedgeScan(robot, scene, "4820002345673");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 3);

    payExactCash(robot);
    String number = register.sale().receiptNumberProperty().get();
    assertThat(number).startsWith("K1-R");
    assertThat(register.sale().receipt()).anyMatch(l -> l.contains("31,00"));
    assertThat(register.sale().receipt()).noneMatch(l -> l.startsWith("["));
    // The preview is the paper: one row per printed line, not double-spaced touch rows.
    assertThat(robot.lookup("#receipt .list-cell").<javafx.scene.Node>queryAll())
        .isNotEmpty()
        .allSatisfy(cell -> assertThat(cell.getBoundsInLocal().getHeight()).isLessThan(24));

    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixture.devices().virtualPrinter().orElseThrow().textLines().stream()
                    .anyMatch(l -> l.contains("31,00")));
    Path receipts = data.resolve("receipts");
    assertThat(Files.size(receipts.resolve(number + ".escpos"))).isPositive();
    try (PDDocument pdf = Loader.loadPDF(receipts.resolve(number + ".pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      assertThat(text).contains("Хліб житній").contains(number).doesNotContain("[QR", "[CODE128");
    }
    terminal.syncNow();
    var sale = register.sale().sale();
    assertThat(terminal.outbox().find(sale.id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    // The paper shows the store's time (the demo store is in Kyiv), as its receipt page does,
    // whatever zone the till's machine is set to.
    String kyiv =
        java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
            .withLocale(Locale.forLanguageTag("uk-UA"))
            .format(sale.paidAt().orElseThrow().atZone(java.time.ZoneId.of("Europe/Kyiv")));
    assertThat(register.sale().receipt()).anyMatch(l -> l.startsWith(kyiv));
  }

  @Test
  void aWedgeScanWhileTheSearchFieldHasFocusNeverLandsInIt(FxRobot robot) {
    signInAsCashier(robot);
    robot.clickOn("#search");
    Scene scene = register.scene();
    wedgeScan(robot, scene, "4820003456781");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().lines().get(0).name()).startsWith("Вода");
    assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEmpty();
  }

  @Test
  void aSaleMadeOfflineSyncsWhenTheServiceComesBackAndTheShiftClosesWithAZReport(FxRobot robot)
      throws Exception {
    signInAsCashier(robot);
    openShift(robot);
    terminal.syncNow();
    network.fault(FaultProxy.Fault.REFUSE);
    Scene scene = register.scene();
    wedgeScan(robot, scene, "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    payExactCash(robot);
    var sale = register.sale().sale();
    assertThat(terminal.outbox().find(sale.id()).orElseThrow().state())
        .isNotEqualTo(Outbox.State.ACKNOWLEDGED);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                robot
                    .lookup("#status-connection")
                    .queryAs(Label.class)
                    .getText()
                    .contains("waiting"));

    // Closing wants every sale on the service: refused, then a manager overrides by PIN.
    robot.type(KeyCode.F6);
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#plus-100000").tryQuery().isPresent());
    robot.clickOn("#plus-100000");
    robot.clickOn("#plus-2000");
    robot.clickOn("#plus-1000");
    robot.clickOn("#plus-100");
    robot.clickOn("#close-shift");
    // Closing asks first, with the cash counted.
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#close-shift-yes").tryQuery().isPresent());
    assertThat(robot.lookup("#close-shift-question").queryAs(Label.class).getText())
        .containsPattern("1\\D?031[.,]00");
    robot.clickOn("#close-shift-yes");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> register.shift().needsManagerProperty().get());
    assertThat(register.shift().messageProperty().get()).contains("Not yet on the service: 1");
    robot.clickOn("#close-shift");
    managerApproves(robot);
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.shift().openProperty().get());

    network.fault(FaultProxy.Fault.NONE);
    terminal.syncNow();
    assertThat(terminal.outbox().stats().unsent()).isZero();
    assertThat(terminal.outbox().find(sale.id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    assertThat(cloud.audited("SHIFT_CLOSE_OVERRIDE")).isPositive();
    // The Z report prints once the close reached the service, and is kept as a PDF.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> {
              try (var files = Files.list(data.resolve("receipts"))) {
                return files.anyMatch(f -> f.getFileName().toString().startsWith("Z-"));
              }
            });
    // Printing is queued, not waited for: the report reaches the printer a moment later.
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixture.devices().virtualPrinter().orElseThrow().textLines().stream()
                    .anyMatch(l -> l.contains("Z")));
  }

  @Test
  void aPinTypedSoFastItLooksLikeAScanStillSignsIn(FxRobot robot) {
    // A product code scanned at the pad is refused with words; a busy till that bunches the
    // keys of a typed PIN (as the wedge decoder sees a scan) signs the cashier in.
    wedgeScan(robot, register.scene(), "4820000191357");
    assertThat(register.signIn().errorProperty().get()).isNotEmpty();
    wedgeScan(robot, register.scene(), "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
  }

  @Test
  void theWholeSaleByKeyboardAlone(FxRobot robot) {
    // Sign in: the cashier's PIN alone, Enter — nobody is chosen first (ADR 0021).
    assertThat(register.signIn().chosenProperty().get()).isNull();
    robot.write("1111");
    robot.type(KeyCode.ENTER);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    // F6: the float typed, Enter opens the shift; Esc back to the sale.
    robot.type(KeyCode.F6);
    robot.write("1000");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> register.shift().openProperty().get());
    robot.type(KeyCode.ESCAPE);
    // A barcode typed by hand, 2 × with *, Enter; ↑ and F3 to make it 3; F12, Enter pays cash.
    robot.write("2*4820000191357");
    robot.type(KeyCode.ENTER);
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().lines().get(0).quantity()).isEqualTo("2");
    robot.write("3");
    robot.type(KeyCode.F3);
    assertThat(register.sale().lines().get(0).quantity()).isEqualTo("3");
    robot.type(KeyCode.F12);
    robot.type(KeyCode.ENTER);
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    assertThat(register.sale().changeProperty().get()).isEqualTo("0,00 ₴");
    robot.type(KeyCode.ENTER);
    assertThat(register.sale().phaseProperty().get()).isEqualTo(SaleViewModel.Phase.CART);
  }

  @Test
  void searchTypedOnTheUkrainianOnScreenKeyboardAndAQuickKey(FxRobot robot) {
    signInAsCashier(robot);
    robot.clickOn("#keyboard-toggle");
    robot.clickOn("#keyboard-language"); // the English screen starts with the English layout
    for (String key : new String[] {"х", "л", "і", "б"}) {
      robot.clickOn(key);
    }
    assertThat(robot.lookup("#search").queryAs(TextField.class).getText()).isEqualTo("хліб");
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.sale().searchResults().isEmpty());
    assertThat(register.sale().searchResults()).anyMatch(i -> i.name().equals("Хліб житній"));
    robot.clickOn("#keyboard-clear");
    robot.clickOn("#keyboard-toggle");
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.sale().quickItems().isEmpty());
    // The last category is scrolled out of view on this 1280 × 800 window: touch it as if scrolled.
    robot.interact(
        () ->
            robot.lookup("#category-Хліб").queryAs(javafx.scene.control.ToggleButton.class).fire());
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#quick-bread").tryQuery().isPresent());
    robot.interact(() -> robot.lookup("#quick-bread").queryButton().fire());
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
  }

  @Test
  void aScaleLabelFromTheSerialScannerAddsTheWeighedItemAndTheDrawerShowsItsState(FxRobot robot) {
    signInAsCashier(robot);
    openShift(robot);
    fixture.devices().virtualScanner().scan("2212345005000"); // apples, 0.500 kg
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().lines().get(0).quantity()).isEqualTo("0,5");
    assertThat(register.sale().lines().get(0).name()).isEqualTo("Яблука Голден");
    payExactCash(robot);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                robot
                    .lookup("#status-drawer")
                    .queryAs(Label.class)
                    .getText()
                    .equals("Drawer open"));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                robot
                    .lookup("#status-drawer")
                    .queryAs(Label.class)
                    .getText()
                    .equals("Drawer closed"));
  }

  @Test
  void aPriceLoweredBeyondTheLimitWithAManagersPinIsAcceptedByTheService(FxRobot robot) {
    signInAsCashier(robot);
    openShift(robot);
    wedgeScan(robot, register.scene(), "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    robot.write("20");
    robot.type(KeyCode.F4);
    managerApproves(robot);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> register.sale().lines().get(0).price().equals("20,00"));
    payExactCash(robot);
    terminal.syncNow();
    var sale = register.sale().sale();
    assertThat(terminal.outbox().find(sale.id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    // The paper shows the store's time (the demo store is in Kyiv), as its receipt page does,
    // whatever zone the till's machine is set to.
    String kyiv =
        java.time.format.DateTimeFormatter.ofLocalizedDateTime(java.time.format.FormatStyle.SHORT)
            .withLocale(Locale.forLanguageTag("uk-UA"))
            .format(sale.paidAt().orElseThrow().atZone(java.time.ZoneId.of("Europe/Kyiv")));
    assertThat(register.sale().receipt()).anyMatch(l -> l.startsWith(kyiv));
  }

  @Test
  void aReturnFoundByItsReceiptNumberIsRefundedWithAManagersPin(FxRobot robot) {
    signInAsCashier(robot);
    openShift(robot);
    robot.write("2*");
    wedgeScan(robot, register.scene(), "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    payExactCash(robot);
    String number = register.sale().receiptNumberProperty().get();
    robot.type(KeyCode.ENTER); // next sale
    robot.type(KeyCode.F10);
    findReceipt(robot, number, 1);
    refundOneOfTheFirstLineInCash(robot);
    assertThat(register.returns().receipt()).anyMatch(l -> l.contains("31,00"));
    terminal.syncNow();
    assertThat(terminal.outbox().stats().unsent()).isZero();
    assertThat(terminal.outbox().rejectedEntries()).isEmpty();
    // The same receipt again: one loaf left to return.
    findReceipt(robot, number, 1);
    assertThat(register.returns().lines().get(0).sold()).contains("1");
  }

  @Test
  void inKioskModeOnlyAManagersPinClosesTheRegisterAndTheExitIsAudited(FxRobot robot) {
    Stage stage = (Stage) register.scene().getWindow();
    robot.interact(
        () ->
            Kiosk.install(
                stage, terminal, new Messages(Locale.ENGLISH), fixture.tasks, () -> register));
    assertThat(stage.isFullScreen()).isTrue();
    long before = cloud.audited("KIOSK_EXIT");
    // The window manager's close: a manager's PIN is asked; a cashier's PIN does not do.
    // runLater, not interact: the PIN dialog waits in a nested event loop until it is answered.
    javafx.application.Platform.runLater(
        () ->
            stage.fireEvent(
                new javafx.stage.WindowEvent(
                    stage, javafx.stage.WindowEvent.WINDOW_CLOSE_REQUEST)));
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> robot.lookup("#manager-pin").tryQuery().isPresent());
    robot.clickOn("#manager-pin").write("1111");
    robot.clickOn("OK");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("The register stays open").tryQuery().isPresent());
    // The alert's button is the register's own word, not JavaFX's.
    robot.clickOn("Close");
    assertThat(stage.isShowing()).isTrue();
    // Ctrl+Shift+Q and the manager's PIN: the register closes.
    javafx.application.Platform.runLater(
        () ->
            Event.fireEvent(
                register.scene().getRoot(),
                new KeyEvent(KeyEvent.KEY_PRESSED, "", "", KeyCode.Q, true, true, false, false)));
    managerApproves(robot);
    await().atMost(Duration.ofSeconds(10)).until(() -> !stage.isShowing());
    terminal.syncNow();
    assertThat(cloud.audited("KIOSK_EXIT")).isEqualTo(before + 1);
  }

  @Test
  void splitTenderACardDeclinedThenApprovedForPartAndCashForTheRest(FxRobot robot) {
    signInAsCashier(robot);
    openShift(robot);
    wedgeScan(robot, register.scene(), "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    robot.clickOn("#pay");
    // 20.00 by card: the first card is declined, the second approved by the bank.
    robot.write("20");
    robot.clickOn("#card");
    robot.clickOn("#test-tok-decline");
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.sale().busyProperty().get());
    // The processor's "insufficient funds", in the register's own words.
    assertThat(register.sale().bannerProperty().get().text())
        .contains("not enough money on the card");
    robot.write("20");
    robot.type(KeyCode.F11);
    robot.clickOn("#test-tok-approve");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().paid().size() == 1);
    assertThat(register.sale().dueProperty().get()).contains("11,00");
    // The rest in cash.
    robot.clickOn("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    var sale = register.sale().sale();
    assertThat(sale.tenders()).hasSize(2);
    // The receipt names the card and its approval code, on screen as on paper.
    String code = sale.tenders().get(0).reference();
    assertThat(register.sale().receipt())
        .anyMatch(l -> l.contains("VISA **** 4242"))
        .anyMatch(l -> l.contains(code));
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixture.devices().virtualPrinter().orElseThrow().textLines().stream()
                    .anyMatch(l -> l.contains("VISA **** 4242")));
    terminal.syncNow();
    assertThat(terminal.outbox().find(sale.id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
    var recorded = terminal.client().sale(sale.id());
    assertThat(recorded.offline()).isFalse();
    assertThat(recorded.tenders())
        .extracting(t -> t.type() + " " + t.amount() + " " + t.status())
        .containsExactly("CARD 2000 APPROVED", "CASH 1100 ACCEPTED");
    assertThat(recorded.tenders().get(0).authorisation())
        .isEqualTo(sale.tenders().get(0).reference());
  }

  /** A sale made at another register of the store, through the service's API: its receipt. */
  private static String saleAtAnotherRegister() {
    AdminService.NewTerminal other =
        cloud
            .services
            .admin()
            .createTerminal(
                cloud.demo.organisationId(),
                cloud.demo.storeId(),
                "X" + ++otherRegisters,
                "Каса X");
    var enrolled =
        cloud.send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + other.enrollmentCode() + "\",\"deviceName\":\"other\"}",
            java.util.Map.of());
    String authorization = "Bearer " + enrolled.json().get("credential").asText();
    var cashier = cloud.signedIn(authorization, cloud.demo.cashierId(), "1111");
    var sale =
        io.kasa.service.Sales.breadAndAspirin(
            java.util.UUID.randomUUID(), "X" + otherRegisters, 1, "tok_approve");
    var recorded =
        cloud.post(cashier, "/v1/sales", sale.id().toString(), io.kasa.service.Sales.json(sale));
    assertThat(recorded.status()).as(recorded.body()).isEqualTo(201);
    return sale.receiptNumber();
  }

  @Test
  void aSaleOfAnotherRegisterIsFoundOnTheServiceAndRefunded(FxRobot robot) {
    String number = saleAtAnotherRegister();
    signInAsCashier(robot);
    openShift(robot);
    robot.type(KeyCode.F10);
    findReceipt(robot, number, 2);
    refundOneOfTheFirstLineInCash(robot);
    terminal.syncNow();
    assertThat(terminal.outbox().stats().unsent()).isZero();
    assertThat(terminal.outbox().rejectedEntries()).isEmpty();
    // Found again: the service's refund counts, one loaf of two left.
    findReceipt(robot, number, 2);
    assertThat(register.returns().lines().get(0).sold()).contains("1");
  }
}
