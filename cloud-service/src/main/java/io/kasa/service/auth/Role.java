package io.kasa.service.auth;

/** What an employee may do. */
public enum Role {
  CASHIER,
  MANAGER,
  HOST,
  TECHNICIAN,
  ADMIN;

  /** Whether this role may sell (ring up and take payment). */
  public boolean canSell() {
    return this == CASHIER || this == MANAGER || this == ADMIN;
  }
}
