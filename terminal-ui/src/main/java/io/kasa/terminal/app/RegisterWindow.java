package io.kasa.terminal.app;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.devices.RegisterDevices;
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

  /** Sets the look of every window; call on the FX thread. */
  public static void applyTheme(Theme theme) {
    Application.setUserAgentStylesheet(
        theme == Theme.LIGHT
            ? new PrimerLight().getUserAgentStylesheet()
            : new PrimerDark().getUserAgentStylesheet());
  }

  /**
   * Shows the register and blocks until its window is closed; then closes {@code terminal} and
   * {@code devices}.
   */
  public static void run(
      CloudTerminal terminal,
      RegisterDevices devices,
      Path receipts,
      Locale language,
      Theme theme,
      java.time.Duration lockAfter,
      Runnable onClosed)
      throws InterruptedException {
    CountDownLatch closed = new CountDownLatch(1);
    FxTaskExecutor tasks = new FxTaskExecutor();
    Platform.startup(
        () -> {
          applyTheme(theme);
          Messages messages = new Messages(language);
          Register register =
              new Register(
                  terminal,
                  devices,
                  receipts,
                  messages,
                  tasks,
                  Clock.systemDefaultZone(),
                  theme,
                  lockAfter);
          Stage stage = new Stage();
          stage.titleProperty().bind(messages.binding("app.title"));
          stage.setScene(register.scene());
          stage.setMinWidth(1024);
          stage.setMinHeight(700);
          stage.setOnHidden(
              e -> {
                register.close();
                closed.countDown();
              });
          stage.show();
        });
    closed.await();
    tasks.close();
    devices.close();
    terminal.close();
    onClosed.run();
    Platform.exit();
  }
}
