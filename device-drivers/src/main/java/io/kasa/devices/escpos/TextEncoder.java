package io.kasa.devices.escpos;

import java.io.ByteArrayOutputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns text into bytes a printer will print correctly: each character goes out in a code page of
 * the printer that has it, switching pages only when needed, and a character that no page has is
 * replaced by a documented fallback instead of printing garbage.
 *
 * <p>Fallbacks, tried in order, each encoded the same way:
 *
 * <ul>
 *   <li>Ukrainian letters in pages without them (CP866 has no І і Ґ ґ): І→I, і→i (Latin
 *       look-alikes), Ґ→Г, ґ→г, Є→E, є→e, Ї→I, ї→i;
 *   <li>₴→"грн" (or "UAH" if no page has Cyrillic), €→"EUR";
 *   <li>typographic quotes, dashes and spaces → their ASCII forms; …→"..."; №→"No"; ×→"x"; •→"*";
 *   <li>accented Latin letters → the letter without its accent (é→e);
 *   <li>anything else → "?".
 * </ul>
 */
public final class TextEncoder {

  /**
   * Bytes to print in one code page.
   *
   * @param page the page the bytes are in
   * @param bytes the encoded text, no command bytes
   */
  public record Run(CodePage page, byte[] bytes) {}

  private static final Map<Character, String> FALLBACKS =
      Map.ofEntries(
          Map.entry('І', "I"),
          Map.entry('і', "i"),
          Map.entry('Ґ', "Г"),
          Map.entry('ґ', "г"),
          Map.entry('Є', "E"),
          Map.entry('є', "e"),
          Map.entry('Ї', "I"),
          Map.entry('ї', "i"),
          Map.entry('€', "EUR"),
          Map.entry('“', "\""),
          Map.entry('”', "\""),
          Map.entry('„', "\""),
          Map.entry('«', "\""),
          Map.entry('»', "\""),
          Map.entry('‘', "'"),
          Map.entry('’', "'"),
          Map.entry('‚', "'"),
          Map.entry('ʼ', "'"),
          Map.entry('–', "-"),
          Map.entry('—', "-"),
          Map.entry('−', "-"),
          Map.entry('…', "..."),
          Map.entry('№', "No"),
          Map.entry('×', "x"),
          Map.entry('•', "*"),
          Map.entry('\u00a0', " "),
          Map.entry('\u202f', " "),
          Map.entry('\u2009', " "));

  private final List<CodePage> pages;

  /** An encoder for a printer with these pages, most preferred first. */
  public TextEncoder(List<CodePage> pages) {
    if (pages.isEmpty()) {
      throw new IllegalArgumentException("A printer has at least one code page");
    }
    this.pages = List.copyOf(pages);
  }

  public List<CodePage> pages() {
    return pages;
  }

  /**
   * Encodes {@code text} starting in page {@code current}; the result's first run may be in another
   * page, in which case the caller must switch before sending it.
   */
  public List<Run> encode(String text, CodePage current) {
    Objects.requireNonNull(text, "text");
    String printable = substitute(text);
    List<Run> runs = new ArrayList<>();
    CodePage page = current != null && pages.contains(current) ? current : pages.get(0);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < printable.length(); i++) {
      char c = printable.charAt(i);
      if (!page.canEncode(c)) {
        CodePage better = bestPageFor(printable, i);
        if (bytes.size() > 0) {
          runs.add(new Run(page, bytes.toByteArray()));
          bytes.reset();
        }
        page = better;
      }
      bytes.write(page.encode(c));
    }
    if (bytes.size() > 0 || runs.isEmpty()) {
      runs.add(new Run(page, bytes.toByteArray()));
    }
    return runs;
  }

  /** Whether every character of {@code text} prints as itself, without fallback. */
  public boolean printsExactly(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (!anyPageHas(text.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /**
   * {@code text} as this printer will print it: every character no page has replaced by its
   * fallback. Layouts measure this, so a fallback longer than its character keeps columns aligned.
   */
  public String substitute(String text) {
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else if (anyPageHas(c)) {
        out.append(c);
      } else {
        out.append(fallback(c));
      }
    }
    return out.toString();
  }

  private String fallback(char c) {
    if (c == '₴') {
      return allEncodable("грн") ? "грн" : "UAH";
    }
    String mapped = FALLBACKS.get(c);
    if (mapped != null && allEncodable(mapped)) {
      return mapped;
    }
    if (Character.isSurrogate(c)) {
      return Character.isHighSurrogate(c) ? "?" : "";
    }
    String stripped =
        Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD).replaceAll("\\p{M}", "");
    if (!stripped.isEmpty() && !stripped.equals(String.valueOf(c)) && allEncodable(stripped)) {
      return stripped;
    }
    return "?";
  }

  private boolean allEncodable(String s) {
    for (int i = 0; i < s.length(); i++) {
      if (!anyPageHas(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private boolean anyPageHas(char c) {
    for (CodePage page : pages) {
      if (page.canEncode(c)) {
        return true;
      }
    }
    return false;
  }

  /** The page that has {@code text[from]} and covers the longest stretch after it. */
  private CodePage bestPageFor(String text, int from) {
    CodePage best = null;
    int bestLength = -1;
    for (CodePage page : pages) {
      int length = 0;
      while (from + length < text.length() && page.canEncode(text.charAt(from + length))) {
        length++;
      }
      if (length > bestLength && length > 0) {
        best = page;
        bestLength = length;
      }
    }
    return best;
  }
}
