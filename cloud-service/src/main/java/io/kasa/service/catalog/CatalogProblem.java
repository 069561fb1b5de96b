package io.kasa.service.catalog;

import java.util.List;

/**
 * Why an item (a row of an import, or an item put through the back office) is refused: a code the
 * back office words in each language ({@code catalogue.problem.<code>}), the field it is about and
 * the values the words name, with the English sentence as the message (the admin command and the
 * API say that).
 */
public final class CatalogProblem extends IllegalArgumentException {

  private final String code;
  private final String field;
  private final List<String> args;

  public CatalogProblem(String field, String code, String message, String... args) {
    super(message);
    this.code = code;
    this.field = field;
    this.args = List.of(args);
  }

  /** What is wrong, as a key: {@code empty}, {@code amount}, {@code taxClass} … */
  public String code() {
    return code;
  }

  /** The field (CSV column) at fault. */
  public String field() {
    return field;
  }

  /** The values the words name, in their order. */
  public List<String> args() {
    return args;
  }
}
