package io.kasa.terminal.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.TextInputControl;
import javafx.scene.text.Text;
import javafx.stage.Stage;

/**
 * English on a Ukrainian screen: any visible text that is the English bundle's wording of a key
 * worded differently in Ukrainian, or that carries Latin words not on the list of codes, keys and
 * names that stay Latin in Ukrainian too. What a field holds is the user's, and is not read.
 */
final class UkrainianText {

  private static final String BUNDLE = "io.kasa.terminal.i18n.messages";

  /**
   * Latin words a Ukrainian screen may show: the names of keys printed on buttons, the language key
   * of the on-screen keyboard and the language button (a language's own name), and brand names.
   * Upper-case abbreviations (PIN, USB, QR, PDF) and codes (anything with a digit or a symbol
   * inside: K1-R3, F12, sim:printer, epson-tm-t20iii) pass without a list.
   */
  static final Set<String> ALLOWED =
      Set.of(
          "Enter",
          "Esc",
          "Ctrl",
          "Shift",
          "Tab",
          "English",
          "Kasa",
          "Epson",
          "Star",
          "Xprinter",
          "Rongta",
          "Visa",
          "Mastercard");

  private static final Pattern WORD = Pattern.compile("\\p{IsLatin}{2,}");

  private final List<Pattern> english = new ArrayList<>();

  UkrainianText() {
    ResourceBundle.Control exact =
        ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);
    ResourceBundle en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT, exact);
    ResourceBundle uk = ResourceBundle.getBundle(BUNDLE, Locale.forLanguageTag("uk"), exact);
    for (String key : en.keySet()) {
      String value = en.getString(key);
      if (uk.containsKey(key) && !uk.getString(key).equals(value)) {
        Pattern p = pattern(value);
        if (p != null) {
          english.add(p);
        }
      }
    }
  }

  /**
   * A MessageFormat pattern as a regular expression over its formatted text (arguments match
   * anything); null when its own words are too few to tell it from other text.
   */
  private static Pattern pattern(String value) {
    String[] literals = value.replace("''", "'").split("\\{[^}]*\\}", -1);
    StringBuilder regex = new StringBuilder();
    int letters = 0;
    for (int i = 0; i < literals.length; i++) {
      if (i > 0) {
        regex.append(".*");
      }
      regex.append(Pattern.quote(literals[i]));
      letters += literals[i].replaceAll("\\P{IsLatin}", "").length();
    }
    return letters < 2 ? null : Pattern.compile(regex.toString(), Pattern.DOTALL);
  }

  /** The English found on the visible part of {@code scene} (and its window's title). */
  List<String> problems(Scene scene) {
    List<String> found = new ArrayList<>();
    if (scene.getWindow() instanceof Stage stage && stage.getTitle() != null) {
      check(stage.getTitle(), "the window's title", found);
    }
    walk(scene.getRoot(), found);
    return found;
  }

  private void walk(Node node, List<String> found) {
    if (!node.isVisible() || node.getOpacity() == 0) {
      return;
    }
    if (node instanceof TextInputControl field) {
      if (field.getText() == null || field.getText().isEmpty()) {
        check(field.getPromptText(), "the prompt of " + LayoutCheck.describe(field), found);
      }
      return;
    }
    if (node instanceof Labeled l) {
      check(l.getText(), LayoutCheck.describe(l), found);
    } else if (node instanceof Text t
        && !(t.getParent() instanceof Labeled)
        && !t.getClass().getSimpleName().equals("LabeledText")) {
      check(t.getText(), "Text in " + LayoutCheck.describe(t.getParent()), found);
    }
    if (node instanceof Parent p) {
      for (Node child : p.getChildrenUnmodifiable()) {
        walk(child, found);
      }
    }
  }

  private void check(String text, String where, List<String> found) {
    if (text == null || text.isBlank()) {
      return;
    }
    for (String line : text.split("\n")) {
      // Text in «» is quoted as it was typed or printed (a test page's own bilingual lines), not
      // the register's words.
      String trimmed = line.replaceAll("«[^»]*(»|$)", "«»").replaceAll("^[^«]*»", "»").strip();
      for (Pattern p : english) {
        if (p.matcher(trimmed).matches()) {
          found.add("English bundle text \"" + trimmed + "\": " + where);
          return;
        }
      }
      List<String> words = latinWords(trimmed);
      if (!words.isEmpty()) {
        found.add("Latin words " + words + " in \"" + trimmed + "\": " + where);
      }
    }
  }

  /** Latin words of {@code line} that are not codes, abbreviations or allowed names. */
  static List<String> latinWords(String line) {
    List<String> words = new ArrayList<>();
    for (String token : line.split("[\\s\\p{Z}]+")) {
      String t = token.replaceAll("^[\\p{P}\\p{S}]+|[\\p{P}\\p{S}]+$", "");
      if (t.isEmpty() || !t.matches("[\\p{IsLatin}\\p{IsCyrillic}'’]+")) {
        continue; // a code: digits or symbols inside (F12, K1-R3, sim:printer, 4820…)
      }
      Matcher m = WORD.matcher(t);
      while (m.find()) {
        String w = m.group();
        if (!w.equals(w.toUpperCase(Locale.ROOT)) && !ALLOWED.contains(w)) {
          words.add(w);
        }
      }
    }
    return words;
  }
}
