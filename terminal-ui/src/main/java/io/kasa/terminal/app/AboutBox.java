package io.kasa.terminal.app;

import io.kasa.api.terminal.TerminalConfig;
import io.kasa.terminal.i18n.Messages;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.TextArea;

/**
 * About (Ctrl+I): the register's version and build, Java and JavaFX, and which terminal of which
 * store this is; selectable text, so support can be read the lines over the phone or pasted.
 */
final class AboutBox {

  private AboutBox() {}

  static List<String> lines(Messages m, TerminalConfig config) {
    List<String> lines = new ArrayList<>(BuildInfo.current().lines());
    lines.add(
        m.get(
            "about.terminal",
            config.terminalName(),
            config.terminalCode(),
            config.store().name(),
            config.terminalId()));
    return lines;
  }

  static void show(Messages m, TerminalConfig config) {
    TextArea text = new TextArea(String.join("\n", lines(m, config)));
    text.setId("about-text");
    text.setEditable(false);
    text.setWrapText(true);
    text.setPrefRowCount(7);
    Alert about = new Alert(Alert.AlertType.INFORMATION);
    about.setTitle(m.get("about.title"));
    about.setHeaderText(m.get("app.title"));
    about.getDialogPane().setContent(text);
    about.getButtonTypes().setAll(m.button("common.close", ButtonBar.ButtonData.OK_DONE));
    about.show();
  }
}
