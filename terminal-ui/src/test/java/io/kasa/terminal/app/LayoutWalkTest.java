package io.kasa.terminal.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.service.TestCloud;
import io.kasa.terminal.enroll.EnrollmentView;
import io.kasa.terminal.enroll.EnrollmentViewModel;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.sale.SaleViewModel;
import io.kasa.terminal.task.FxTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every screen and dialog of the register, walked as a cashier, a host and a technician would, and
 * read from the scene graph at 1024×768, 1280×800 and 1920×1080: nothing cut off with an ellipsis,
 * no control over its neighbour, nothing past the window's edge, every touch target at least 48 px;
 * in Ukrainian, no English (ADR 0025). With {@code -Dkasa.screenshots=DIR} the Ukrainian light walk
 * at 1280×800 writes {@code DIR/<screen>.png}; with {@code -Dkasa.screenshots.all=true} too, every
 * language, theme and size goes under {@code DIR/walk/}.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutWalkTest {

  record Size(int width, int height) {
    @Override
    public String toString() {
      return width + "x" + height;
    }
  }

  static final Size SMALL = new Size(1024, 768);
  static final Size USUAL = new Size(1280, 800);
  static final Size LARGE = new Size(1920, 1080);
  static final List<Size> SIZES = List.of(SMALL, USUAL, LARGE);

  static TestCloud cloud;
  static HostWalk host;
  @TempDir static Path dir;
  private Stage stage;
  private TestRegister fixture;
  private FxRobot robot;
  private String language;
  private RegisterWindow.Theme theme;
  private List<Size> sizes;
  private final Set<String> problems = new LinkedHashSet<>();
  private final List<String> visited = new ArrayList<>();
  private UkrainianText english;

  @BeforeAll
  static void startCloud() throws Exception {
    cloud = new TestCloud();
    host = new HostWalk(cloud);
  }

  @AfterAll
  static void stopCloud() throws Exception {
    cloud.close();
  }

  @Start
  void start(Stage stage) {
    this.stage = stage;
    stage.setScene(new Scene(new javafx.scene.layout.Pane(), USUAL.width(), USUAL.height()));
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    if (fixture != null) {
      fixture.close();
    }
  }

  /**
   * Both languages at every size in the light theme; dark in Ukrainian at 1280×800, high contrast
   * (its 2 px borders take room) in Ukrainian at 1024×768 and 1280×800 — themes change colours and
   * borders, not words, and every walk costs three sign-ins. {@code -Dkasa.walk.full=true} walks
   * every language and theme at every size.
   */
  static Stream<Arguments> walks() {
    String only = System.getProperty("kasa.walk", "");
    Stream<Arguments> walks =
        Boolean.getBoolean("kasa.walk.full")
            ? Stream.of("uk", "en")
                .flatMap(
                    l ->
                        Stream.of(RegisterWindow.Theme.values())
                            .map(t -> Arguments.of(l, t, SIZES)))
            : Stream.of(
                Arguments.of("uk", RegisterWindow.Theme.LIGHT, SIZES),
                Arguments.of("en", RegisterWindow.Theme.LIGHT, SIZES),
                Arguments.of("uk", RegisterWindow.Theme.DARK, List.of(USUAL)),
                Arguments.of("uk", RegisterWindow.Theme.HIGH_CONTRAST, List.of(SMALL, USUAL)));
    return walks.filter(a -> (a.get()[0] + " " + a.get()[1]).contains(only));
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("walks")
  void everyScreenFitsItsWindowInEveryLanguageAndTheme(
      String language, RegisterWindow.Theme theme, List<Size> sizes, FxRobot robot) {
    this.robot = robot;
    this.language = language;
    this.theme = theme;
    this.sizes = sizes;
    this.english = "uk".equals(language) ? new UkrainianText() : null;
    robot.interact(
        () -> {
          RegisterWindow.applyTheme(theme);
          fixture = new TestRegister(cloud, dir, "L", Locale.forLanguageTag(language), theme);
          stage.setScene(fixture.register.scene());
          // The title the register's own window has (RegisterWindow), not the test runner's.
          stage.setTitle(new Messages(Locale.forLanguageTag(language)).get("app.title"));
        });
    Register register = fixture.register;

    look("sign-in");
    TestRegister.signIn(robot, "Олена", "1111");
    await().atMost(Duration.ofSeconds(20)).until(() -> present("#cart"));
    look("sale-empty");

    fire("#shift");
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#open-shift"));
    look("shift");
    fire("#plus-50000");
    fire("#plus-50000");
    fire("#open-shift");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.shift().openProperty().get());
    look("shift-open");
    fire("#shift-back");
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#cart"));

    for (String code : List.of("4820000191357", "4820001234565", "4820002345673")) {
      fixture.devices().virtualScanner().scan(code);
    }
    fixture.devices().virtualScanner().scan("2212345005000"); // apples, 0.500 kg
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 4);
    look("sale-screen");

    robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).setText("а"));
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().searchResults().size() >= 5);
    look("search");
    robot.interact(() -> robot.lookup("#search").queryAs(TextField.class).clear());

    fire("#keyboard-toggle");
    look("keyboard");
    fire("#keyboard-toggle");

    fire("#park");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().isEmpty());
    look("parked");
    // F9 on the empty cart lists the parked sales; a touch recalls one.
    fire("#park");
    await().atMost(Duration.ofSeconds(10)).until(() -> present("#parked-pane"));
    look("parked-list");
    robot.interact(
        () -> register.sale().parked().recall(register.sale().parked().list().get(0).saleId()));
    await().atMost(Duration.ofSeconds(10)).until(() -> register.sale().lines().size() == 4);

    // A price lowered beyond the cashier's limit: the manager's PIN is asked.
    robot.interact(
        () -> {
          register.sale().selectedProperty().set(1);
          register.sale().type("1");
          register.sale().overridePrice();
        });
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#manager-pin"));
    lookAtDialog("manager-pin", "#manager-pin");
    robot.clickOn("#manager-pin");
    robot.type(KeyCode.ESCAPE);
    await().atMost(Duration.ofSeconds(5)).until(() -> !present("#manager-pin"));
    robot.interact(() -> register.sale().clearEntry());

    fire("#pay");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.PAYMENT);
    look("payment");
    fire("#card");
    await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> !register.sale().cardWaitingProperty().get().isEmpty());
    look("card");
    robot.interact(() -> register.sale().cancelCard());
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.sale().busyProperty().get());
    // The bank terminal's form in place of the keypad, with a code refused in words under it.
    fire("#bank-terminal-open");
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#bank-terminal"));
    robot.interact(
        () -> {
          register.sale().bankTerminal().codeProperty().set("123AB");
          register.sale().bankTerminal().confirm();
        });
    look("bank-terminal");
    robot.interact(() -> register.sale().bankTerminal().close());
    fire("#cash");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> register.sale().phaseProperty().get() == SaleViewModel.Phase.DONE);
    String number = register.sale().receiptNumberProperty().get();
    look("receipt-screen");
    fire("#next-sale");

    fire("#returns");
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#return-number"));
    look("returns");
    robot.interact(() -> robot.lookup("#return-number").queryAs(TextField.class).setText(number));
    fire("#return-find");
    await().atMost(Duration.ofSeconds(10)).until(() -> register.returns().lines().size() == 4);
    look("returns-found");
    fire("#return-back");
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#cart"));

    fire("#shift");
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#x-report"));
    fire("#x-report");
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.shift().report().isEmpty());
    look("shift-x");
    closeShift(register);
    look("shift-z");
    fire("#shift-back");

    robot.interact(register::signOut);
    TestRegister.signIn(robot, "Ірина", "5555");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                register.host() != null
                    && register.host().liveProperty().get()
                    && present("#table-1"));
    host.walk(robot, this::look);

    robot.interact(register::signOut);
    TestRegister.signIn(robot, "Тарас", "7777");
    await().atMost(Duration.ofSeconds(20)).until(() -> present("#bench-jobs"));
    look("technician");
    // The bench with a job sent and chosen: its bytes read back beside the set-up.
    fire("#test-page");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(() -> !register.technician().jobs().decoded().isEmpty());
    look("technician-job");
    robot.interact(register::signOut);

    enrollmentWizard();

    System.out.println(
        "Layout walk "
            + language
            + " "
            + theme
            + " "
            + sizes
            + ": "
            + visited.size()
            + " screens, "
            + problems.size()
            + " problems\n  "
            + String.join("\n  ", problems));
    assertThat(visited).hasSize(27);
    assertThat(problems).as(String.join("\n", problems)).isEmpty();
  }

  /**
   * The blind count closes the shift once the cashier confirms; when a manager must approve, her
   * PIN is given. runLater: both dialogs wait in a nested event loop until they are answered.
   */
  private void closeShift(Register register) {
    Platform.runLater(() -> robot.lookup("#close-shift").queryAs(ButtonBase.class).fire());
    await().atMost(Duration.ofSeconds(5)).until(() -> present("#close-shift-yes"));
    lookAtDialog("close-shift-confirm", "#close-shift-question");
    robot.clickOn("#close-shift-yes");
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                !register.shift().openProperty().get()
                    || register.shift().needsManagerProperty().get());
    if (register.shift().openProperty().get()) {
      Platform.runLater(() -> robot.lookup("#close-shift").queryAs(ButtonBase.class).fire());
      await().atMost(Duration.ofSeconds(5)).until(() -> present("#manager-pin"));
      robot.clickOn("#manager-pin").write("9999");
      robot.type(KeyCode.ENTER);
    }
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.shift().openProperty().get());
    await().atMost(Duration.ofSeconds(10)).until(() -> !register.shift().report().isEmpty());
  }

  /** The first-run wizard of a terminal not yet enrolled, in the walk's language and theme. */
  private void enrollmentWizard() {
    CloudTerminal fresh =
        CloudTerminal.open(
            dir.resolve("wizard-" + language + "-" + theme),
            Clock.systemUTC(),
            CloudClientConfig::defaults);
    try (FxTaskExecutor tasks = new FxTaskExecutor()) {
      Messages messages = new Messages(Locale.forLanguageTag(language));
      robot.interact(
          () -> {
            EnrollmentViewModel vm =
                new EnrollmentViewModel(
                    new WizardEnrollment(fresh),
                    tasks,
                    messages,
                    PrinterProfiles.builtIn().all().stream().map(p -> p.id()).toList(),
                    printer -> {});
            Scene scene =
                new Scene(new EnrollmentView(vm, messages), USUAL.width(), USUAL.height());
            RegisterWindow.style(scene, theme);
            stage.setScene(scene);
          });
      look("enrollment");
    } finally {
      fresh.close();
    }
  }

  private boolean present(String query) {
    return robot.lookup(query).tryQuery().filter(Node::isVisible).isPresent();
  }

  /** Taps a button (or toggle) by its id, wherever the layout put it. */
  private void fire(String query) {
    robot.interact(() -> robot.lookup(query).queryAs(ButtonBase.class).fire());
    WaitForAsyncUtils.waitForFxEvents();
  }

  /** The window's screen at every size of the walk: checked, and pictured when asked. */
  private void look(String screen) {
    visited.add(screen);
    Scene scene = stage.getScene();
    for (Size size : sizes) {
      resize(size);
      List<String> found = new ArrayList<>();
      // Laid out and read in one go: a status that changes in between is read as drawn.
      robot.interact(
          () -> {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            found.addAll(LayoutCheck.problems(scene));
          });
      found.forEach(p -> problems.add(where(screen, size) + p));
      picture(scene, screen, size);
    }
    if (english != null) {
      List<String> found = new ArrayList<>();
      robot.interact(() -> found.addAll(english.problems(scene)));
      found.forEach(p -> problems.add(where(screen, null) + p));
    }
    resize(USUAL);
  }

  /** A dialog in its own window: its size is its own, so it is checked once. */
  private void lookAtDialog(String screen, String query) {
    visited.add(screen);
    WaitForAsyncUtils.waitForFxEvents();
    Scene scene = robot.lookup(query).query().getScene();
    List<String> found = new ArrayList<>();
    robot.interact(
        () -> {
          found.addAll(LayoutCheck.problems(scene));
          if (english != null) {
            found.addAll(english.problems(scene));
          }
        });
    found.forEach(p -> problems.add(where(screen, null) + p));
    picture(scene, screen, USUAL);
  }

  private String where(String screen, Size size) {
    return "[" + language + " " + theme + (size == null ? "" : " " + size) + " " + screen + "] ";
  }

  private void resize(Size size) {
    robot.interact(
        () -> {
          stage.setWidth(size.width());
          stage.setHeight(size.height());
        });
    WaitForAsyncUtils.waitForFxEvents();
    robot.interact(
        () -> {
          stage.getScene().getRoot().applyCss();
          stage.getScene().getRoot().layout();
        });
    WaitForAsyncUtils.waitForFxEvents();
  }

  private void picture(Scene scene, String screen, Size size) {
    if ("uk".equals(language) && theme == RegisterWindow.Theme.LIGHT && size.equals(USUAL)) {
      Screenshots.saveIfAsked(robot, scene, screen);
    }
    if (Boolean.getBoolean("kasa.screenshots.all")) {
      Screenshots.saveIfAsked(
          robot,
          scene,
          "walk/"
              + language
              + "-"
              + theme.name().toLowerCase(Locale.ROOT)
              + "-"
              + size
              + "/"
              + screen);
    }
  }
}
