package io.kasa.service.office;

import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.MoneyFormat;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * What every page's template is given: the words in the caller's language, the assets' versioned
 * paths, the CSRF token for its forms, who is signed in (or nobody) and the navigation.
 */
public final class View {

  /** The signed-in person as the page shows them. */
  public record Who(String email, String role, String organisation) {}

  /**
   * One entry of the office's navigation.
   *
   * @param label its words
   * @param href where it leads
   * @param current whether it is the page shown
   */
  public record NavItem(String label, String href, boolean current) {}

  private final Words words;
  private final Assets assets;
  private final String csrf;
  private final String path;
  private final Who who;
  private final List<NavItem> nav;

  View(Words words, Assets assets, String csrf, String path, Who who, List<NavItem> nav) {
    this.words = words;
    this.assets = assets;
    this.csrf = csrf;
    this.path = path;
    this.who = who;
    this.nav = nav;
  }

  /** The word for {@code key} in the page's language. */
  public String t(String key) {
    return words.get(key);
  }

  /** The phrase for {@code key} with its arguments. */
  public String t(String key, Object... args) {
    return words.get(key, args);
  }

  /** An amount in the page's language, without the currency's sign («120,00» in Ukrainian). */
  public String amount(long minor, Currency currency) {
    return new MoneyFormat(Locale.forLanguageTag(words.language()))
        .amount(Money.of(minor, currency));
  }

  /** The page's language, for {@code <html lang>}. */
  public String lang() {
    return words.language();
  }

  /** The language the switch offers. */
  public String otherLang() {
    return words.language().equals("uk") ? "en" : "uk";
  }

  /** The versioned path of an asset. */
  public String asset(String name) {
    return assets.url(name);
  }

  /** The CSRF token for this page's forms and htmx requests. */
  public String csrf() {
    return csrf;
  }

  /** The path of the page shown, for the language switch to come back to. */
  public String path() {
    return path;
  }

  /** Who is signed in, or null. */
  public Who who() {
    return who;
  }

  public List<NavItem> nav() {
    return nav;
  }
}
