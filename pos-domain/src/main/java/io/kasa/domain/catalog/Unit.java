package io.kasa.domain.catalog;

/** The unit an item is sold in. Only measured units allow fractional quantities. */
public enum Unit {
  EACH(false),
  KILOGRAM(true),
  LITRE(true);

  private final boolean measured;

  Unit(boolean measured) {
    this.measured = measured;
  }

  /** Whether quantities may be fractional (weighed or measured goods). */
  public boolean isMeasured() {
    return measured;
  }
}
