package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.store.Outbox;
import io.kasa.terminal.sale.SaleViewModel;
import io.kasa.terminal.ui.Banner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.stage.Stage;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * Items priced at the counter (ADR 0030): the gift set asks for its price on the keypad within its
 * limits (100,00 to 5 000,00 ₴), a deli salad's price label sells it at the label's price, and the
 * service accepts both.
 */
class OpenPriceTest extends RegisterUiTest {

  @Override
  String terminalPrefix() {
    return "OP";
  }

  @Override
  @Start
  void start(Stage stage) {
    super.start(stage);
  }

  private void signInAndOpenShift(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
  }

  private void payExactCashAndDeliver(FxRobot robot) {
    Register register = fixture.register;
    robot.clickOn("#pay");
    robot.clickOn("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    fixture.terminal.syncNow();
    assertThat(fixture.terminal.outbox().find(register.sale().sale().id()).orElseThrow().state())
        .isEqualTo(Outbox.State.ACKNOWLEDGED);
  }

  @Test
  void theGiftSetAsksForItsPriceOnTheKeypadAndSellsAtIt(FxRobot robot) throws Exception {
    signInAndOpenShift(robot);
    Register register = fixture.register;
    fixture.devices().virtualScanner().scan("4820004567899");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#price-pane").queryAs(javafx.scene.Node.class).isVisible());
    assertThat(robot.lookup("#price-title").queryLabeled().getText())
        .contains("Подарунковий набір");
    assertThat(limitsShown(robot)).isEqualTo("Allowed: from 100,00 to 5 000,00 ₴");
    robot.clickOn("#price-key-2").clickOn("#price-key-5").clickOn("#price-key-0");
    assertThat(robot.lookup("#price-entry").queryLabeled().getText()).startsWith("250");
    robot.clickOn("#price-ok");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().lines().get(0).name()).isEqualTo("Подарунковий набір");
    assertThat(register.sale().sale().totals().total().minor()).isEqualTo(25_000);
    assertThat(robot.lookup("#price-pane").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
    payExactCashAndDeliver(robot);
    theReceiptCarriesTheStoresIdentityOnPaperAndInThePdf(register);
  }

  private static String limitsShown(FxRobot robot) {
    javafx.scene.control.Label limits =
        robot.lookup("#price-limits").queryAs(javafx.scene.control.Label.class);
    assertThat(limits.isVisible()).isTrue();
    return plain(limits.getText());
  }

  /** The store's amounts group thousands with a no-break space; the assertions with a space. */
  private static String plain(String text) {
    return text.replace('\u00a0', ' ').replace('\u202f', ' ');
  }

  @Test
  void aPriceBelowTheGiftSetsLowestIsRefusedWithItsRangeAndTheSaleGoesOn(FxRobot robot) {
    signInAndOpenShift(robot);
    Register register = fixture.register;
    fixture.devices().virtualScanner().scan("4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    fixture.devices().virtualScanner().scan("4820004567899");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> robot.lookup("#price-pane").queryAs(javafx.scene.Node.class).isVisible());
    robot.clickOn("#price-key-5").clickOn("#price-key-0").clickOn("#price-ok");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> register.sale().bannerProperty().get().kind() == Banner.Kind.WARNING);
    assertThat(plain(register.sale().bannerProperty().get().text()))
        .isEqualTo(
            "50,00 ₴ is not allowed for Подарунковий набір. Type a price from 100,00 to 5 000,00 ₴.");
    // Nothing is lost or added: the bread stays, the pane waits for another price.
    assertThat(register.sale().lines()).hasSize(1);
    assertThat(robot.lookup("#price-pane").queryAs(javafx.scene.Node.class).isVisible()).isTrue();
    assertThat(robot.lookup("#price-entry").queryLabeled().getText()).startsWith("0");

    // The same words in Ukrainian, the refusal said again in the new language.
    robot.clickOn("#language");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> limitsShown(robot).equals("Дозволено: від 100,00 до 5 000,00 ₴"));
    assertThat(plain(register.sale().bannerProperty().get().text()))
        .isEqualTo(
            "Ціна 50,00 ₴ для «Подарунковий набір» не дозволена."
                + " Введіть ціну від 100,00 до 5 000,00 ₴.");
    robot.clickOn("#language");

    robot.clickOn("#price-key-1").clickOn("#price-key-2").clickOn("#price-key-0");
    robot.clickOn("#price-key-0").clickOn("#price-ok");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 2);
    assertThat(register.sale().lines().get(1).name()).isEqualTo("Подарунковий набір");
    assertThat(register.sale().sale().totals().total().minor()).isEqualTo(3_100 + 120_000);
    assertThat(robot.lookup("#price-pane").queryAs(javafx.scene.Node.class).isVisible()).isFalse();
    payExactCashAndDeliver(robot);
  }

  @Test
  void aPriceLabelBelowTheLowestAManagerSetsIsRefusedAtTheNextScan(FxRobot robot) {
    signInAndOpenShift(robot);
    Register register = fixture.register;
    cloud.services.admin().setPriceLimits(cloud.demo.organisationId(), "salad", 20_000L, null);
    try {
      // The register's own replica takes it in, live.
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () ->
                  fixture
                      .terminal
                      .catalog()
                      .byId("salad")
                      .orElseThrow()
                      .priceLimits()
                      .lowest()
                      .isPresent());
      fixture.devices().virtualScanner().scan("2630001125501");
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> register.sale().bannerProperty().get().kind() == Banner.Kind.ERROR);
      assertThat(plain(register.sale().bannerProperty().get().text()))
          .isEqualTo(
              "Салат «Олів'є» (кулінарія) cannot be sold at the label's 125,50 ₴: allowed at"
                  + " least 200,00 ₴");
      assertThat(register.sale().lines()).isEmpty();
    } finally {
      cloud.services.admin().setPriceLimits(cloud.demo.organisationId(), "salad", null, null);
      await()
          .atMost(Duration.ofSeconds(20))
          .until(
              () -> fixture.terminal.catalog().byId("salad").orElseThrow().priceLimits().isNone());
    }
  }

  /** The demo store's legal identity (ADR 0030), the same words on paper and in the PDF. */
  private void theReceiptCarriesTheStoresIdentityOnPaperAndInThePdf(Register register)
      throws Exception {
    List<String> identity =
        List.of(
            "ТОВ «Колосок-Маркет»",
            "ЄДРПОУ 43151207",
            "ПН ПДВ 431512026591",
            "Свіжий хліб щодня з 7:00",
            "Обмін і повернення — 14 днів із чеком");
    String number = register.sale().receiptNumberProperty().get();
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                fixture.devices().virtualPrinter().orElseThrow().textLines().stream()
                    .anyMatch(l -> l.contains("ЄДРПОУ 43151207")));
    String paper = String.join("\n", fixture.devices().virtualPrinter().orElseThrow().textLines());
    Path receipts = fixture.data.resolve("receipts");
    String bytes =
        new String(Files.readAllBytes(receipts.resolve(number + ".escpos")), "ISO-8859-1");
    assertThat(bytes).contains("43151207", "431512026591", "03150");
    try (PDDocument pdf = Loader.loadPDF(receipts.resolve(number + ".pdf").toFile())) {
      String text = new PDFTextStripper().getText(pdf);
      for (String words : identity) {
        assertThat(text).contains(words);
        assertThat(paper.replace("«", "\"").replace("»", "\"").replace("—", "-"))
            .contains(words.replace("«", "\"").replace("»", "\"").replace("—", "-"));
      }
      assertThat(text).contains("Велика", "Васильківська", "м. Київ, 03150");
    }
  }

  @Test
  void aPriceLabelSellsTheDeliSaladAtTheLabelsPrice(FxRobot robot) {
    signInAndOpenShift(robot);
    Register register = fixture.register;
    // 26 30001 12550 C: the demo store's price layout, the salad (PLU 30001) at 125,50.
    fixture.devices().virtualScanner().scan("2630001125501");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 1);
    assertThat(register.sale().lines().get(0).name()).contains("Олів'є");
    assertThat(register.sale().sale().totals().total().minor()).isEqualTo(12_550);
    payExactCashAndDeliver(robot);
  }
}
