package io.kasa.terminal.cli;

import io.kasa.client.terminal.CloudTerminal;
import io.kasa.terminal.app.RegisterWindow;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The register window's options, shared by the launchers ({@code @Mixin}), and opening it. */
public final class WindowOptions {

  @Option(
      names = "--lang",
      defaultValue = "uk",
      description = "uk or en (default ${DEFAULT-VALUE})")
  String language;

  @Option(
      names = "--theme",
      defaultValue = "LIGHT",
      description = "LIGHT, DARK or HIGH_CONTRAST (default ${DEFAULT-VALUE})")
  RegisterWindow.Theme theme;

  @Option(
      names = "--lock-after",
      defaultValue = "5",
      description =
          "Minutes without a touch or a key before the PIN pad returns; 0 never (default ${DEFAULT-VALUE})")
  long lockAfter;

  @Option(
      names = "--kiosk",
      description =
          "Full screen, for a terminal that starts the register at login: only a manager's PIN"
              + " closes it (Ctrl+Shift+Q or the window's close)")
  boolean kiosk;

  @Option(
      names = "--exit-after-first-frame",
      hidden = true,
      description =
          "Close the window once its first frame is shown: the installer's class-data sharing"
              + " training run and the start-up benchmark")
  boolean exitAfterFirstFrame;

  /** Opens the register on {@code terminal} and blocks until its window is closed. */
  public void run(CloudTerminal terminal, Path receipts, Runnable onClosed)
      throws InterruptedException {
    RegisterWindow.run(
        terminal,
        receipts,
        Locale.forLanguageTag(language),
        theme,
        Duration.ofMinutes(lockAfter),
        kiosk,
        exitAfterFirstFrame,
        onClosed);
  }
}
