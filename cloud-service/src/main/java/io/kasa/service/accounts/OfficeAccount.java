package io.kasa.service.accounts;

import java.util.List;
import java.util.UUID;

/**
 * A back-office account as the pages and the API see it (never its password hash or TOTP key).
 *
 * @param id the account
 * @param organisationId its organisation
 * @param organisationName the organisation's name
 * @param email its email, lower case
 * @param role owner, manager, accountant or kitchen (the kitchen screen alone, ADR 0055)
 * @param stores the stores it may see, or null for all the organisation's
 * @param language its chosen language (uk or en), or null for the browser's
 * @param totp whether it signs in with a TOTP code too
 * @param passwordSet whether its password has been set
 */
public record OfficeAccount(
    UUID id,
    UUID organisationId,
    String organisationName,
    String email,
    String role,
    List<UUID> stores,
    String language,
    boolean totp,
    boolean passwordSet) {

  /** The roles an account may have. */
  public static final List<String> ROLES = List.of("owner", "manager", "accountant", "kitchen");

  /**
   * Whether it may change things: owners and managers may; an accountant only reads; a kitchen
   * account reaches nothing but the kitchen screen.
   */
  public boolean mayChange() {
    return "owner".equals(role) || "manager".equals(role);
  }

  /** Whether it may open the kitchen screen and bump there: owners, managers, the kitchen. */
  public boolean mayUseKitchen() {
    return mayChange() || kitchenOnly();
  }

  /** Whether it is a kitchen account, which reaches the kitchen screen alone (ADR 0055). */
  public boolean kitchenOnly() {
    return "kitchen".equals(role);
  }

  /** Whether it may see {@code store}, a store of its organisation. */
  public boolean maySee(UUID store) {
    return stores == null || stores.contains(store);
  }
}
