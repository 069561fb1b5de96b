package io.kasa.service.staff;

/**
 * A PIN just given to an employee: shown once to whoever gave it, never kept in clear.
 *
 * @param employee the employee, as they are now
 * @param pin the PIN, six digits
 */
public record NewPin(Employee employee, String pin) {

  @Override
  public String toString() {
    // A PIN never reaches a log by way of this record.
    return "NewPin[employee=" + employee + ", pin=******]";
  }
}
