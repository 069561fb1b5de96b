package io.kasa.service.office;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;

/**
 * The back office's words in one language, from the bundle {@code io/kasa/service/office/words}
 * ({@code words.properties} in English, {@code words_uk.properties} in Ukrainian).
 */
public final class Words {

  /** The languages the back office speaks, the first being the default. */
  public static final List<String> LANGUAGES = List.of("uk", "en");

  private static final Map<String, Words> BY_LANGUAGE =
      Map.of("uk", new Words("uk"), "en", new Words("en"));

  private final String language;
  private final ResourceBundle bundle;

  private Words(String language) {
    this.language = language;
    this.bundle =
        ResourceBundle.getBundle(
            "io.kasa.service.office.words",
            Locale.forLanguageTag(language),
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
  }

  /** The words in {@code language}, or in the default language when it is not one we speak. */
  public static Words of(String language) {
    return BY_LANGUAGE.getOrDefault(language, BY_LANGUAGE.get(LANGUAGES.get(0)));
  }

  /** Whether the back office speaks {@code language} (an ISO 639-1 code). */
  public static boolean speaks(String language) {
    return language != null && BY_LANGUAGE.containsKey(language);
  }

  /**
   * The first language of an {@code Accept-Language} header the back office speaks, or null when it
   * names none (or is malformed).
   */
  public static String fromAcceptLanguage(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      List<Locale.LanguageRange> ranges = Locale.LanguageRange.parse(header);
      for (Locale.LanguageRange r : ranges) {
        String tag = r.getRange();
        String primary = tag.contains("-") ? tag.substring(0, tag.indexOf('-')) : tag;
        if (speaks(primary) && r.getWeight() > 0) {
          return primary;
        }
      }
    } catch (IllegalArgumentException malformed) {
      return null;
    }
    return null;
  }

  public String language() {
    return language;
  }

  /** The word for {@code key}. A missing key fails the page: tests see every page in both. */
  public String get(String key) {
    return bundle.getString(key);
  }

  /** The phrase for {@code key} with its {0}, {1} … filled in. */
  public String get(String key, Object... args) {
    MessageFormat f = new MessageFormat(bundle.getString(key), Locale.forLanguageTag(language));
    return f.format(args);
  }

  /**
   * The phrase for {@code key} in the plural form {@code n} takes in this language (CLDR's rules
   * for whole numbers: English one/other; Ukrainian one/few/many), from the keys {@code key.one},
   * {@code key.few}, {@code key.many}, {@code key.other} that the language has; {@code {0}} is
   * {@code n}, {@code {1}}… the other arguments.
   */
  public String count(String key, long n, Object... args) {
    Object[] all = new Object[args.length + 1];
    all[0] = n;
    System.arraycopy(args, 0, all, 1, args.length);
    return get(key + "." + pluralForm(language, n), all);
  }

  /** CLDR's plural category of the whole number {@code n} in {@code language}. */
  static String pluralForm(String language, long n) {
    long a = Math.abs(n);
    if ("uk".equals(language)) {
      long ten = a % 10;
      long hundred = a % 100;
      if (ten == 1 && hundred != 11) {
        return "one";
      }
      if (ten >= 2 && ten <= 4 && (hundred < 12 || hundred > 14)) {
        return "few";
      }
      return "many";
    }
    return a == 1 ? "one" : "other";
  }
}
