package io.kasa.terminal.scan;

import io.kasa.devices.scanner.WedgeDecoder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.collections.ListChangeListener;
import javafx.event.Event;
import javafx.event.EventHandler;
import javafx.event.EventTarget;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

/**
 * Watches every key the register's windows get, before any control does: a burst of keys ending in
 * Enter or Tab, as a USB keyboard-wedge scanner types it, becomes a scan for the current screen and
 * never lands in a text field; anything else is typing and is replayed, as the same key events in
 * the same order, to the focused text field — or to the screen (the keypad, the PIN pad) when none
 * has focus.
 *
 * <p>JavaFX key events carry no time of their own, and a busy JavaFX thread sees a scanner's keys
 * late and unevenly. So a gap between two keys as this thread sees them proves nothing; held keys
 * are released as typing only when a check queued behind every key that had arrived (a {@code
 * runLater}, which runs after pending input) finds that none came within the gap
 * (docs/decisions/0023).
 */
public final class WedgeInput {

  /** What the current screen does with scans, typing and Enter. */
  public interface Target {
    void scanned(io.kasa.devices.scanner.ScanEvent scan);

    /** Characters typed by a person while no text field has focus. */
    void typed(String text);

    /** Enter while no text field has focus. */
    void enter();
  }

  /** The inputs of the registers open in this JVM, newest last (JavaFX thread only). */
  private static final List<WedgeInput> OPEN = new ArrayList<>();

  private static boolean watchingWindows;

  private record Held(Scene scene, KeyEvent event) {}

  private final Scene main;
  private final WedgeDecoder decoder;
  private final long gapNanos;
  private final List<Held> held = new ArrayList<>();
  private final Map<Scene, EventHandler<KeyEvent>> watched = new HashMap<>();
  private Target target;
  private long lastHeldNanos;
  private boolean checking;
  private KeyCode scanEnd;
  private boolean replaying;

  private WedgeInput(Scene main, WedgeDecoder decoder) {
    this.main = main;
    this.decoder = decoder;
    this.gapNanos = decoder.maxGap().toNanos();
  }

  /**
   * Starts watching {@code scene}'s keys, and those of the dialogs opened over it (or opened with
   * no owner while its window shows). Call on the JavaFX thread.
   */
  public static WedgeInput install(Scene scene, WedgeDecoder decoder) {
    WedgeInput input = new WedgeInput(scene, decoder);
    input.watch(scene);
    OPEN.add(input);
    if (!watchingWindows) {
      watchingWindows = true;
      Window.getWindows().addListener(WedgeInput::windowsChanged);
    }
    return input;
  }

  /** The screen that gets scans and typing from now on. */
  public void target(Target next) {
    this.target = next;
  }

  /** Stops watching: the register is closing. Any thread. */
  public void close() {
    if (!Platform.isFxApplicationThread()) {
      Platform.runLater(this::close);
      return;
    }
    List.copyOf(watched.keySet()).forEach(this::unwatch);
    OPEN.remove(this);
  }

  private static void windowsChanged(ListChangeListener.Change<? extends Window> change) {
    while (change.next()) {
      for (Window w : change.getRemoved()) {
        OPEN.forEach(input -> input.unwatch(w.getScene()));
      }
      for (Window w : change.getAddedSubList()) {
        if (w instanceof PopupWindow) {
          // Popups forward their owner's keys: the owner's scene already sees them.
          continue;
        }
        WedgeInput input = owning(w);
        if (input != null && w.getScene() != input.main) {
          input.watch(w.getScene());
          w.sceneProperty()
              .addListener(
                  (o, was, now) -> {
                    input.unwatch(was);
                    input.watch(now);
                  });
        }
      }
    }
  }

  /** The input whose window owns {@code w}, else the newest one whose window is showing. */
  private static WedgeInput owning(Window w) {
    for (Window o = w; o != null; o = o instanceof javafx.stage.Stage s ? s.getOwner() : null) {
      for (WedgeInput input : OPEN) {
        if (o.getScene() == input.main) {
          return input;
        }
      }
    }
    for (int i = OPEN.size() - 1; i >= 0; i--) {
      Window own = OPEN.get(i).main.getWindow();
      if (own != null && own.isShowing()) {
        return OPEN.get(i);
      }
    }
    return null;
  }

  private void watch(Scene scene) {
    if (scene == null || watched.containsKey(scene)) {
      return;
    }
    EventHandler<KeyEvent> filter = e -> key(scene, e);
    scene.addEventFilter(KeyEvent.ANY, filter);
    watched.put(scene, filter);
  }

  private void unwatch(Scene scene) {
    EventHandler<KeyEvent> filter = scene == null ? null : watched.remove(scene);
    if (filter != null) {
      scene.removeEventFilter(KeyEvent.ANY, filter);
    }
  }

  private void key(Scene scene, KeyEvent e) {
    if (replaying) {
      return;
    }
    long now = System.nanoTime();
    if (e.getEventType() == KeyEvent.KEY_PRESSED) {
      pressed(scene, e, now);
    } else if (e.getEventType() == KeyEvent.KEY_TYPED) {
      typed(scene, e, now);
    } else if (e.getEventType() == KeyEvent.KEY_RELEASED) {
      released(scene, e);
    }
  }

  private void pressed(Scene scene, KeyEvent e, long now) {
    KeyCode code = e.getCode();
    scanEnd = null;
    boolean plain = !e.isControlDown() && !e.isAltDown() && !e.isMetaDown();
    if ((code == KeyCode.ENTER || code == KeyCode.TAB) && plain) {
      WedgeDecoder.Decision d = decoder.key('\r', now);
      if (d.scan() != null) {
        held.clear();
        e.consume();
        // Its Enter's typed and released events belong to the scan too.
        scanEnd = code;
        if (target != null) {
          target.scanned(d.scan());
        }
        return;
      }
      release();
      if (code == KeyCode.ENTER && scene == main && !(focused(scene) instanceof TextInputControl)) {
        e.consume();
        if (target != null) {
          target.enter();
        }
      }
    } else if (code.isModifierKey()) {
      // A scanner presses Shift for capitals: part of the burst, in its place.
      if (!held.isEmpty()) {
        hold(scene, e);
      }
    } else if (plain && printable(e.getText())) {
      hold(scene, e);
    } else {
      // Arrows, Backspace, function keys, shortcuts: no scanner sends them, a person does. What
      // is held goes first, so the field sees the keys in the order they were typed.
      release();
    }
  }

  private void typed(Scene scene, KeyEvent e, long now) {
    String c = e.getCharacter();
    if (c.isEmpty()) {
      return;
    }
    char ch = c.charAt(0);
    if (ch == '\r' || ch == '\n' || ch == '\t') {
      if (scanEnd != null) {
        e.consume();
      }
      return;
    }
    scanEnd = null;
    if (!printable(c) || e.isControlDown() || e.isAltDown() || e.isMetaDown()) {
      if (!held.isEmpty()) {
        hold(scene, e);
      }
      return;
    }
    decoder.key(ch, now);
    hold(scene, e);
  }

  private void released(Scene scene, KeyEvent e) {
    if (scanEnd != null && e.getCode() == scanEnd) {
      e.consume();
      scanEnd = null;
    } else if (!held.isEmpty()) {
      hold(scene, e);
    }
  }

  private static boolean printable(String text) {
    return !text.isEmpty() && text.charAt(0) >= ' ' && text.charAt(0) != 127;
  }

  /** Keeps a key back; a check will release it if nothing follows within the gap. */
  private void hold(Scene scene, KeyEvent e) {
    held.add(new Held(scene, e));
    e.consume();
    lastHeldNanos = System.nanoTime();
    if (!checking) {
      checking = true;
      // A millisecond over the gap: the decoder wants a pause strictly longer than it.
      checkAfter(gapNanos + 1_000_000);
    }
  }

  /**
   * Queues a quiet check on the JavaFX thread in {@code nanos}, behind the input arrived by then.
   */
  private void checkAfter(long nanos) {
    CompletableFuture.delayedExecutor(nanos, TimeUnit.NANOSECONDS)
        .execute(
            () -> {
              long queued = System.nanoTime();
              Platform.runLater(() -> quiet(queued));
            });
  }

  /**
   * Runs behind every key that had arrived by {@code queued}: if the newest held key was seen more
   * than the gap before that, no key came within the gap after it — what is held is typing.
   * Otherwise it looks again a gap after the newest key.
   */
  private void quiet(long queued) {
    checking = false;
    if (held.isEmpty()) {
      return;
    }
    long since = queued - lastHeldNanos;
    if (since > gapNanos) {
      decoder.idle(System.nanoTime());
      release();
    } else {
      checking = true;
      checkAfter(gapNanos - since + 1_000_000);
    }
  }

  /** Replays the held keys, in order, where they would have gone. */
  private void release() {
    decoder.flush();
    if (held.isEmpty()) {
      return;
    }
    List<Held> keys = List.copyOf(held);
    held.clear();
    replaying = true;
    try {
      for (Held h : keys) {
        Node focus = focused(h.scene());
        boolean field = focus instanceof TextInputControl f && f.isEditable();
        if (!field
            && h.scene() == main
            && target != null
            && h.event().getEventType() == KeyEvent.KEY_TYPED) {
          target.typed(h.event().getCharacter());
          continue;
        }
        EventTarget to = focus != null ? focus : h.scene();
        Event.fireEvent(to, h.event().copyFor(to, to));
      }
    } finally {
      replaying = false;
    }
  }

  private static Node focused(Scene scene) {
    Node focus = scene.getFocusOwner();
    return focus != null && focus.getScene() == scene ? focus : null;
  }
}
