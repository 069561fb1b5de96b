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

  /** Whether this role runs the floor: seats guests, keeps the waitlist, moves and joins tables. */
  public boolean canHost() {
    return this == HOST || this == MANAGER || this == ADMIN;
  }

  /** Whether this role serves tables: adds items to checks, splits them, prints pre-bills. */
  public boolean canServe() {
    return canHost() || this == CASHIER;
  }

  /** Whether this role lays out the floor plan. */
  public boolean canEditFloor() {
    return this == MANAGER || this == ADMIN;
  }
}
