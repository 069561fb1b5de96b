package io.kasa.terminal.bench;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/** The yardstick for cold start: a JavaFX window with one label, to its first frame. */
public final class MinimalWindow {

  private MinimalWindow() {}

  public static void main(String[] args) {
    Platform.startup(
        () -> {
          Stage stage = new Stage();
          Scene scene = new Scene(new StackPane(new Label("Kasa")), 1280, 800);
          scene.addPostLayoutPulseListener(
              () -> {
                long ms =
                    System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
                System.out.printf(Locale.ROOT, "first-frame-ms %d%n", ms);
                System.exit(0);
              });
          stage.setScene(scene);
          stage.show();
        });
  }
}
