package io.kasa.terminal.scan;

import io.kasa.devices.scanner.ScanEvent;
import io.kasa.devices.scanner.WedgeDecoder;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.event.EventHandler;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.util.Duration;

/**
 * Watches every key the window gets, before any control does: a burst of keys ending in Enter, as a
 * USB keyboard-wedge scanner types it, becomes a scan for the current screen and never lands in a
 * text field; anything slower is typing and is handed on — to the focused text field, or to the
 * screen (the keypad, the PIN pad) when none has focus.
 */
public final class WedgeInput {

  /** What the current screen does with scans, typing and Enter. */
  public interface Target {
    void scanned(ScanEvent scan);

    /** Characters typed by a person while no text field has focus. */
    void typed(String text);

    /** Enter while no text field has focus. */
    void enter();
  }

  private final WedgeDecoder decoder;
  private final Scene scene;
  private Target target;

  private WedgeInput(Scene scene, WedgeDecoder decoder) {
    this.scene = scene;
    this.decoder = decoder;
  }

  /** Starts watching {@code scene}'s keys. */
  public static WedgeInput install(Scene scene, WedgeDecoder decoder) {
    WedgeInput input = new WedgeInput(scene, decoder);
    scene.addEventFilter(KeyEvent.KEY_TYPED, input.typed());
    scene.addEventFilter(KeyEvent.KEY_PRESSED, input.pressed());
    Timeline idle =
        new Timeline(
            new KeyFrame(Duration.millis(25), e -> input.deliver(decoder.idle(System.nanoTime()))));
    idle.setCycleCount(Animation.INDEFINITE);
    idle.play();
    return input;
  }

  /** The screen that gets scans and typing from now on. */
  public void target(Target next) {
    this.target = next;
  }

  private EventHandler<KeyEvent> typed() {
    return e -> {
      String c = e.getCharacter();
      if (c.isEmpty()
          || c.charAt(0) < ' '
          || c.charAt(0) == 127
          || e.isControlDown()
          || e.isAltDown()) {
        // Enter and Tab are handled as they are pressed; control keys pass.
        if (!c.isEmpty() && (c.charAt(0) == '\r' || c.charAt(0) == '\n' || c.charAt(0) == '\t')) {
          e.consume();
        }
        return;
      }
      WedgeDecoder.Decision d = decoder.key(c.charAt(0), System.nanoTime());
      deliver(d.release());
      if (d.consume()) {
        e.consume();
      }
    };
  }

  private EventHandler<KeyEvent> pressed() {
    return e -> {
      if (e.getCode() != KeyCode.ENTER && e.getCode() != KeyCode.TAB) {
        return;
      }
      WedgeDecoder.Decision d = decoder.key('\r', System.nanoTime());
      deliver(d.release());
      if (d.scan() != null) {
        e.consume();
        if (target != null) {
          target.scanned(d.scan());
        }
      } else if (e.getCode() == KeyCode.ENTER && !(focused() instanceof TextInputControl)) {
        e.consume();
        if (target != null) {
          target.enter();
        }
      }
    };
  }

  private void deliver(String text) {
    if (text.isEmpty()) {
      return;
    }
    if (focused() instanceof TextInputControl field && field.isEditable()) {
      field.replaceSelection(text);
    } else if (target != null) {
      target.typed(text);
    }
  }

  private Node focused() {
    return scene.getFocusOwner();
  }
}
