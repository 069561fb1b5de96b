package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.regex.Pattern;

/** A schema's rules for text: lengths in characters (code points) and a pattern. */
final class TextRules {

  private Integer minLength;
  private Integer maxLength;
  private Pattern pattern;
  private String patternText;

  /** Takes {@code name} if it is a rule for text; answers whether it was. */
  boolean keyword(String name, JsonNode value) {
    switch (name) {
      case "minLength" -> minLength = value.intValue();
      case "maxLength" -> maxLength = value.intValue();
      case "pattern" -> {
        patternText = value.asText();
        pattern = SchemaFormats.ecmaPattern(patternText);
      }
      default -> {
        return false;
      }
    }
    return true;
  }

  void check(String s, Place at, List<Schema.Violation> out) {
    int length = s.codePointCount(0, s.length());
    if (minLength != null && length < minLength) {
      out.add(
          new Schema.Violation(
              at.pointer(),
              minLength == 1 ? "must not be empty" : "must be at least " + minLength + " long",
              false));
    }
    if (maxLength != null && length > maxLength) {
      out.add(
          new Schema.Violation(
              at.pointer(), "must be at most " + maxLength + " characters", false));
    }
    // A pattern is only tried on text of an allowed length: no regular expression runs over a
    // megabyte of it.
    if (pattern != null
        && (maxLength == null || length <= maxLength)
        && !pattern.matcher(s).find()) {
      out.add(new Schema.Violation(at.pointer(), "must match " + patternText, false));
    }
  }
}
