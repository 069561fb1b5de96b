package io.kasa.terminal.i18n;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;

/**
 * Puts the words a screen was built with into the language chosen now: texts set once (not bound)
 * on labels, buttons and field prompts, which {@link Messages#again} recognises. Bound texts follow
 * by themselves; names, amounts and what the cashier typed are left as they are.
 */
public final class Relabel {

  private Relabel() {}

  /** Relabels {@code node} and everything under it. */
  public static void tree(Node node, Messages m) {
    if (node == null) {
      return;
    }
    if (node instanceof Labeled l && !l.textProperty().isBound()) {
      l.setText(m.again(l.getText()));
    }
    if (node instanceof TextInputControl t && !t.promptTextProperty().isBound()) {
      t.setPromptText(m.again(t.getPromptText()));
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        tree(child, m);
      }
    }
  }
}
