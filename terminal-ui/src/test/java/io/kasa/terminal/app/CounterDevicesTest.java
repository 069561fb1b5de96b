package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.devices.scanner.HidPosReport;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import io.kasa.devices.usb.EmulatedUsbDevice;
import io.kasa.terminal.devices.DeviceSettings;
import io.kasa.terminal.sale.SaleViewModel;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javax.usb.UsbConst;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;

/**
 * The counter's devices as a technician set them, through the real service: the drawer wired to the
 * virtual printer on pin 5 with a 200 ms pulse, the logo stored in the printer's memory, and a USB
 * scanner in HID POS mode (on the emulated USB bus). A cash sale kicks the drawer once, with those
 * bytes, and its receipt carries no kick but starts with the logo; scans reach the sale and the
 * returns search (a receipt's QR URL finds its sale), and the PIN pad says it cannot use one.
 */
class CounterDevicesTest extends RegisterUiTest {

  /** {@code GS ( L} fn 69 (print the NV graphic) with the bench's key K1, at 1×1. */
  private static final byte[] PRINT_LOGO_K1 = {
    0x1d, 0x28, 0x4c, 0x06, 0x00, 0x30, 0x45, 0x4b, 0x31, 0x01, 0x01
  };

  private EmulatedUsbDevice scanner;

  @Override
  String terminalPrefix() {
    return "U";
  }

  @Override
  @Start
  void start(Stage stage) {
    scanner =
        new EmulatedUsbDevice(0x0c2e, 0x0b6a, "HON1", "Voyager 1450g", 0)
            .in(0x83, UsbConst.ENDPOINT_TYPE_INTERRUPT)
            .plugIn();
    RegisterWindow.applyTheme(RegisterWindow.Theme.LIGHT);
    fixture =
        new TestRegister(
            cloud,
            dir,
            terminalPrefix(),
            Locale.ENGLISH,
            RegisterWindow.Theme.LIGHT,
            t -> {
              t.setting(DeviceSettings.DRAWER_PIN, "5");
              t.setting(DeviceSettings.DRAWER_PULSE, "200");
              t.setting(DeviceSettings.PRINTER_LOGO, "K1");
              t.setting(DeviceSettings.SCANNER_URI, "usb:0c2e:0b6a");
            });
    stage.setScene(fixture.register.scene());
    stage.show();
  }

  @AfterEach
  void unplug() {
    scanner.unplug();
  }

  private void scan(String aim, String code) {
    for (byte[] report : HidPosReport.encode(aim, code)) {
      scanner.send(0x83, report);
    }
  }

  /** A cashier sells a loaf of bread for cash, scanned on the USB scanner; its receipt number. */
  private String sellBreadForCash(FxRobot robot) {
    TestRegister.signIn(robot, "Олена", "1111");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> robot.lookup("#cart").tryQuery().isPresent());
    TestRegister.openShift(robot, fixture.register);
    scan("]E0", "4820000191357");
    await().atMost(Duration.ofSeconds(10)).until(() -> fixture.register.sale().lines().size() == 1);
    robot.clickOn("#pay");
    robot.clickOn("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> fixture.register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    return fixture.register.sale().receiptNumberProperty().get();
  }

  private List<PrintElement> printed() {
    return fixture.devices().virtualPrinter().orElseThrow().elements();
  }

  @Test
  void aCashSaleKicksTheConfiguredDrawerOnceAndItsReceiptCarriesNoKick(FxRobot robot)
      throws Exception {
    String number = sellBreadForCash(robot);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> printed().stream().anyMatch(PrintElement.DrawerKick.class::isInstance));
    assertThat(printed().stream().filter(PrintElement.DrawerKick.class::isInstance))
        .containsExactly(new PrintElement.DrawerKick(5, 200, 200));
    byte[] receipt =
        Files.readAllBytes(fixture.data.resolve("receipts").resolve(number + ".escpos"));
    assertThat(HexFormat.of().formatHex(receipt)).doesNotContain("1b70");
    assertThat(new EscPosDecoder(fixture.devices().printer().profile()).decode(receipt))
        .noneMatch(PrintElement.DrawerKick.class::isInstance);
  }

  @Test
  void theReceiptStartsWithTheLogoStoredInThePrintersMemory(FxRobot robot) throws Exception {
    String number = sellBreadForCash(robot);
    byte[] receipt =
        Files.readAllBytes(fixture.data.resolve("receipts").resolve(number + ".escpos"));
    int logo = indexOf(receipt, PRINT_LOGO_K1);
    assertThat(logo).as("the print-stored-logo command").isPositive();
    assertThat(indexOf(Arrays.copyOfRange(receipt, logo + 1, receipt.length), PRINT_LOGO_K1))
        .as("once")
        .isNegative();
    List<PrintElement> elements =
        new EscPosDecoder(fixture.devices().printer().profile()).decode(receipt);
    int logoAt = elements.indexOf(new PrintElement.NvLogo("K1"));
    int firstText =
        elements.indexOf(
            elements.stream().filter(PrintElement.TextLine.class::isInstance).findFirst().get());
    assertThat(logoAt).as("the logo comes before any text").isBetween(0, firstText);
  }

  /**
   * The store's public address is the service: the QR code printed on a sale's receipt carries the
   * receipt's page, which opens over HTTP once the sale is delivered and shows the sale; the same
   * code scanned into returns finds the sale by its token; a URL of another site is refused.
   */
  @Test
  void aReceiptsQrOpensItsPageAndScannedIntoReturnsFindsTheSale(FxRobot robot) throws Exception {
    String address = cloud.uri("").toString();
    cloud
        .services
        .admin()
        .configureStore(cloud.demo.organisationId(), cloud.demo.storeId(), null, address, null);
    try {
      await()
          .atMost(Duration.ofSeconds(15))
          .until(() -> address.equals(fixture.terminal.config().store().publicAddress()));
      String number = sellBreadForCash(robot);
      byte[] receipt =
          Files.readAllBytes(fixture.data.resolve("receipts").resolve(number + ".escpos"));
      String url =
          new EscPosDecoder(fixture.devices().printer().profile())
              .decode(receipt).stream()
                  .filter(PrintElement.Qr.class::isInstance)
                  .map(e -> ((PrintElement.Qr) e).data())
                  .findFirst()
                  .orElseThrow();
      assertThat(url).startsWith(address + "/r/");
      String token = url.substring((address + "/r/").length());
      assertThat(token).matches("[A-Za-z0-9_-]{22}");
      assertThat(fixture.terminal.outbox().withReceiptToken("SALE", token)).hasSize(1);

      java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
      await()
          .atMost(Duration.ofSeconds(15))
          .until(
              () ->
                  http.send(
                              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                  .build(),
                              java.net.http.HttpResponse.BodyHandlers.ofString())
                          .statusCode()
                      == 200);
      var page =
          http.send(
              java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
      assertThat(page.body()).contains(number).contains("Хліб");

      robot.type(KeyCode.ENTER); // next sale
      robot.type(KeyCode.F10);
      await()
          .atMost(Duration.ofSeconds(5))
          .until(() -> robot.lookup("#return-number").tryQuery().isPresent());

      scan("]Q1", "https://evil.example/r/" + token);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  fixture
                      .register
                      .returns()
                      .messageProperty()
                      .get()
                      .contains("another site (evil.example)"));
      assertThat(fixture.register.returns().lines()).isEmpty();

      scan("]Q1", url);
      await()
          .atMost(Duration.ofSeconds(10))
          .until(() -> fixture.register.returns().lines().size() == 1);
      assertThat(fixture.register.returns().numberProperty().get()).isEqualTo(number);
      assertThat(fixture.register.returns().messageProperty().get()).contains(number);
    } finally {
      cloud
          .services
          .admin()
          .configureStore(cloud.demo.organisationId(), cloud.demo.storeId(), null, "", null);
    }
  }

  @Test
  void aScanAtThePinPadSaysWhereScansAreTaken(FxRobot robot) {
    scan("]E0", "4820000191357");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                robot
                    .lookup("#signin-error")
                    .queryAs(Label.class)
                    .getText()
                    .startsWith("Sign in first: scans are taken on"));
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i + needle.length <= haystack.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
