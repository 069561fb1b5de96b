package io.kasa.terminal.sale;

/**
 * What the same piece item chosen again does, a setting of the terminal (kept in its local settings
 * under {@link #SETTING}; the register's {@code --repeated-items} sets it).
 */
public enum RepeatedItems {
  /** Adds to its line (the default): one line per item, as cashiers and customers expect. */
  JOIN,
  /** Makes a line of its own, for shops that want every scan on its own line. */
  SEPARATE;

  /** The terminal's local setting that keeps the choice. */
  public static final String SETTING = "sale.repeatedItems";

  /** The choice kept, or {@link #JOIN} when none (or an unknown one) was kept. */
  public static RepeatedItems of(String kept) {
    return "SEPARATE".equals(kept) ? SEPARATE : JOIN;
  }
}
