package io.kasa.api.office;

/**
 * An employee with the PIN just given to them: shown this once, kept only as its verifier.
 *
 * @param employee the employee
 * @param pin the new PIN, six digits
 */
public record OfficeStaffPin(OfficeStaffEmployee employee, String pin) {

  @Override
  public String toString() {
    return "OfficeStaffPin[employee=" + employee + ", pin=******]";
  }
}
