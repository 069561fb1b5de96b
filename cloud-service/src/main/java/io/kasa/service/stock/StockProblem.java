package io.kasa.service.stock;

import java.util.List;

/**
 * Why the back office's adjustment or reorder level is refused: a code the pages word in each
 * language ({@code stock.problem.<code>}), the field it is about, and the English sentence the API
 * says (ADR 0050).
 */
public final class StockProblem extends IllegalArgumentException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String code;
  private final List<String> args;

  StockProblem(String field, String code, String message, String... args) {
    super(message);
    this.field = field;
    this.code = code;
    this.args = List.of(args);
  }

  /** The field at fault: key, itemId, reason, quantity, note or level. */
  public String field() {
    return field;
  }

  /** What is wrong, as a key. */
  public String code() {
    return code;
  }

  /** The values the words name, in order. */
  public List<String> args() {
    return args;
  }
}
