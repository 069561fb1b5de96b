package io.kasa.domain.tax;

/** Where tax is rounded to minor units; jurisdictions differ. */
public enum TaxRounding {
  /** Each line's tax is rounded, and the receipt's tax is the sum of the rounded lines. */
  PER_LINE,
  /**
   * Tax is computed on the sum of each rate's lines and rounded once per rate; it is then spread
   * over the lines exactly, so line-level refunds stay consistent.
   */
  PER_RECEIPT
}
