package io.kasa.terminal.i18n;

import com.ibm.icu.text.MessageFormat;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.Property;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;

/**
 * The register's words in the language chosen now. Views bind to {@link #binding}, so switching the
 * language relabels every screen at once; view models format with {@link #get} and keep the texts
 * they show in properties that {@link #follow} the language. Bundles are UTF-8 properties under
 * {@code io/kasa/terminal/i18n}: {@code messages.properties} (English) and {@code
 * messages_uk.properties}; patterns are ICU message formats, so plural forms follow the language's
 * CLDR rules (ADR 0024).
 */
public final class Messages {

  /** The languages the register speaks. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"));

  static final String BUNDLE = "io.kasa.terminal.i18n.messages";

  /** How many recent texts {@link #again} can put into another language. */
  private static final int REMEMBERED = 512;

  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();

  /**
   * The bundle is looked up from the locale when a text is asked for, never from a listener: the
   * bindings that ask are invalidated before any change listener runs, so a bundle swapped by a
   * listener would still be the old one when they ask (the switch lagged one tap behind).
   */
  private volatile Loaded loaded;

  private final Map<String, Said> said =
      Collections.synchronizedMap(
          new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Said> eldest) {
              return size() > REMEMBERED;
            }
          });

  /** A language's bundle and the patterns compiled from it so far. */
  private record Loaded(Locale locale, ResourceBundle bundle, Map<String, MessageFormat> formats) {}

  /** A text said: its key, and its arguments by position or (from the service) by name. */
  private record Said(String key, Object[] args, Map<String, Object> named) {}

  public Messages(Locale initial) {
    locale.set(initial);
  }

  private static ResourceBundle load(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  private ResourceBundle bundle() {
    return loaded().bundle();
  }

  private Loaded loaded() {
    Locale now = locale.get();
    Loaded l = loaded;
    if (l == null || !l.locale().equals(now)) {
      l = new Loaded(now, load(now), new java.util.concurrent.ConcurrentHashMap<>());
      loaded = l;
    }
    return l;
  }

  /**
   * {@code key}'s pattern with {@code args} put in. A pattern with nothing to put in and no
   * apostrophe to read is the text itself; others are compiled once per language (ICU formats are
   * not thread-safe: one is used by one thread at a time).
   */
  private String format(String key, Object args) {
    Loaded l = loaded();
    String pattern = l.bundle().getString(key);
    if (pattern.indexOf('{') < 0 && pattern.indexOf('\'') < 0) {
      return pattern;
    }
    MessageFormat f = l.formats().computeIfAbsent(key, k -> new MessageFormat(pattern, l.locale()));
    synchronized (f) {
      return f.format(args);
    }
  }

  public ObjectProperty<Locale> localeProperty() {
    return locale;
  }

  public Locale locale() {
    return locale.get();
  }

  /** Switches the language of every bound label. */
  public void use(Locale next) {
    locale.set(next);
  }

  /** Whether the bundles have a text for {@code key}. */
  public boolean has(String key) {
    return bundle().containsKey(key);
  }

  /**
   * The text of {@code key} now, with {@code args} put in (an ICU {@link MessageFormat}: {@code
   * {0,plural,one{…} few{…} many{…} other{…}}} picks the language's plural form).
   */
  public String get(String key, Object... args) {
    // Formatted even without arguments, so a doubled apostrophe reads as one everywhere.
    String text = format(key, args);
    said.put(text, new Said(key, args.clone(), null));
    return text;
  }

  /** The text of {@code key} now, with named arguments ({@code {table}}) put in. */
  public String get(String key, Map<String, ?> args) {
    Map<String, Object> named = Map.copyOf(args);
    String text = format(key, named);
    said.put(text, new Said(key, new Object[0], named));
    return text;
  }

  /**
   * {@code text} in the language chosen now, if this register said it recently through {@link #get}
   * (in any language); any other text (a name, an amount) as it is. Arguments that were themselves
   * said are put into the language too.
   */
  public String again(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    Said s = said.get(text);
    if (s == null) {
      return text;
    }
    if (s.named() != null) {
      return get(s.key(), s.named());
    }
    Object[] args =
        Arrays.stream(s.args()).map(a -> a instanceof String w ? again(w) : a).toArray();
    return get(s.key(), args);
  }

  /** The text of {@code key}, following the language. */
  public StringBinding binding(String key, Object... args) {
    return Bindings.createStringBinding(() -> get(key, args), locale);
  }

  /**
   * Keeps a view model's text in the language chosen now: when the language changes, what {@code
   * shown} holds is said {@link #again}.
   */
  public void follow(Property<String> shown) {
    follow(shown, this::again);
  }

  /**
   * Keeps a view model's value that carries words (a banner) in the language chosen now: when the
   * language changes, {@code again} rewrites it. Only a weak reference to {@code shown} is kept, so
   * a screen's view model rebuilt at each sign-in is not held by the register's words.
   */
  public <T> void follow(Property<T> shown, UnaryOperator<T> again) {
    WeakReference<Property<T>> ref = new WeakReference<>(shown);
    locale.addListener(
        new ChangeListener<Locale>() {
          @Override
          public void changed(ObservableValue<? extends Locale> o, Locale was, Locale now) {
            Property<T> p = ref.get();
            if (p == null) {
              o.removeListener(this);
            } else if (!p.isBound() && p.getValue() != null) {
              p.setValue(again.apply(p.getValue()));
            }
          }
        });
  }

  /** Keeps a list of texts (the payments so far) in the language chosen now. */
  public void followAll(javafx.collections.ObservableList<String> shown) {
    WeakReference<javafx.collections.ObservableList<String>> ref = new WeakReference<>(shown);
    locale.addListener(
        new ChangeListener<Locale>() {
          @Override
          public void changed(ObservableValue<? extends Locale> o, Locale was, Locale now) {
            javafx.collections.ObservableList<String> l = ref.get();
            if (l == null) {
              o.removeListener(this);
            } else {
              l.replaceAll(Messages.this::again);
            }
          }
        });
  }

  /**
   * A dialog button labelled in the register's language (JavaFX's own buttons speak the JVM's
   * language).
   */
  public ButtonType button(String key, ButtonBar.ButtonData data) {
    return new ButtonType(get(key), data);
  }
}
