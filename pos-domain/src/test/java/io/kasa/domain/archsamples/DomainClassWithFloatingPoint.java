package io.kasa.domain.archsamples;

/** Deliberately bad: money as a floating-point number. */
public final class DomainClassWithFloatingPoint {

  private double total;

  public void add(double amount) {
    total += amount;
  }

  public long cents() {
    return Math.round(total * 100);
  }
}
