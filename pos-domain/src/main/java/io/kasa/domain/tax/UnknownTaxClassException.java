package io.kasa.domain.tax;

/** An item refers to a tax class for which the store has no rate. */
public final class UnknownTaxClassException extends IllegalArgumentException {

  private final String taxClass;

  public UnknownTaxClassException(String taxClass) {
    super("No tax rate is configured for tax class '" + taxClass + "'");
    this.taxClass = taxClass;
  }

  public String taxClass() {
    return taxClass;
  }
}
