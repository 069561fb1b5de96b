package io.kasa.terminal.i18n;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;

/**
 * The register's words in the language chosen now. Views bind to {@link #binding}, so switching the
 * language relabels every screen at once; view models format with {@link #get}. Bundles are UTF-8
 * properties under {@code io/kasa/terminal/i18n}: {@code messages.properties} (English) and {@code
 * messages_uk.properties}.
 */
public final class Messages {

  /** The languages the register speaks. */
  public static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("uk"));

  static final String BUNDLE = "io.kasa.terminal.i18n.messages";

  private final ObjectProperty<Locale> locale = new SimpleObjectProperty<>();
  private ResourceBundle bundle;

  public Messages(Locale initial) {
    locale.addListener((o, was, now) -> bundle = load(now));
    locale.set(initial);
  }

  private static ResourceBundle load(Locale locale) {
    return ResourceBundle.getBundle(
        BUNDLE,
        locale,
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
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

  /** The text of {@code key} now, with {@code args} put in ({@link MessageFormat}). */
  public String get(String key, Object... args) {
    String pattern = bundle.getString(key);
    return args.length == 0 ? pattern : new MessageFormat(pattern, locale.get()).format(args);
  }

  /** The text of {@code key}, following the language. */
  public StringBinding binding(String key, Object... args) {
    return Bindings.createStringBinding(() -> get(key, args), locale);
  }
}
