package io.kasa.terminal.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.terminal.devices.DeviceChoice;
import io.kasa.terminal.enroll.EnrollmentView;
import io.kasa.terminal.enroll.EnrollmentViewModel;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.FxTaskExecutor;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Opens the register in a window on the JavaFX thread (without an {@code Application} subclass, so
 * the launcher runs from a plain class path) and closes the terminal's parts when it is closed.
 */
public final class RegisterWindow {

  /** The look: light and dark (AtlantaFX Primer), and high contrast (dark, with our overlay). */
  public enum Theme {
    LIGHT,
    DARK,
    HIGH_CONTRAST;

    /** The next one, for the theme button. */
    public Theme next() {
      return values()[(ordinal() + 1) % values().length];
    }
  }

  private RegisterWindow() {}

  /** Closes {@code stage} (the normal way out) once its scene has shown its first frame. */
  private static void closeAfterFirstFrame(Stage stage) {
    javafx.scene.Scene scene = stage.getScene();
    Runnable[] once = new Runnable[1];
    once[0] =
        () -> {
          scene.removePostLayoutPulseListener(once[0]);
          Platform.runLater(stage::close);
        };
    scene.addPostLayoutPulseListener(once[0]);
  }

  /** Sets the look of every window; call on the FX thread. */
  public static void applyTheme(Theme theme) {
    Application.setUserAgentStylesheet(
        theme == Theme.LIGHT
            ? new PrimerLight().getUserAgentStylesheet()
            : new PrimerDark().getUserAgentStylesheet());
  }

  /** The register's style sheets on a scene of its own (the wizard's), high contrast included. */
  static void style(javafx.scene.Scene scene, Theme theme) {
    scene.getStylesheets().add(RegisterWindow.class.getResource("register.css").toExternalForm());
    if (theme == Theme.HIGH_CONTRAST) {
      scene
          .getStylesheets()
          .add(RegisterWindow.class.getResource("high-contrast.css").toExternalForm());
    }
  }

  /**
   * Shows the register and blocks until its window is closed; then closes {@code terminal} (the
   * register closes its devices). A terminal not yet enrolled starts with the enrollment wizard. In
   * {@code kiosk} mode the window fills the screen and only a manager's PIN closes it ({@link
   * Kiosk}).
   */
  public static void run(
      CloudTerminal terminal,
      Path receipts,
      Locale language,
      Theme theme,
      java.time.Duration lockAfter,
      boolean kiosk,
      boolean exitAfterFirstFrame,
      Runnable onClosed)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    FxTaskExecutor tasks = new FxTaskExecutor();
    java.util.concurrent.atomic.AtomicReference<Register> register =
        new java.util.concurrent.atomic.AtomicReference<>();
    Platform.startup(
        () -> {
          applyTheme(theme);
          Messages messages = new Messages(language);
          Stage stage = new Stage();
          stage.titleProperty().bind(messages.binding("app.title"));
          stage.setMinWidth(1024);
          stage.setMinHeight(700);
          Runnable startRegister =
              () -> {
                register.set(
                    new Register(
                        terminal,
                        () -> DeviceChoice.open(terminal, Clock.systemUTC()),
                        receipts,
                        messages,
                        tasks,
                        Clock.systemDefaultZone(),
                        theme,
                        lockAfter));
                stage.setScene(register.get().scene());
              };
          if (terminal.enrolled()) {
            startRegister.run();
          } else {
            EnrollmentViewModel wizard =
                new EnrollmentViewModel(
                    new WizardEnrollment(terminal),
                    tasks,
                    messages,
                    PrinterProfiles.builtIn().all().stream().map(p -> p.id()).toList(),
                    printer -> startRegister.run());
            javafx.scene.Scene scene =
                new javafx.scene.Scene(new EnrollmentView(wizard, messages), 1280, 800);
            style(scene, theme);
            stage.setScene(scene);
          }
          if (kiosk) {
            Kiosk.install(stage, terminal, messages, tasks, register::get);
          }
          stage.setOnHidden(
              e -> {
                if (register.get() != null) {
                  register.get().close();
                }
                closed.countDown();
              });
          stage.show();
          if (exitAfterFirstFrame) {
            closeAfterFirstFrame(stage);
          }
        });
    closed.await();
    tasks.close();
    terminal.close();
    onClosed.run();
    Platform.exit();
  }
}
