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
 * @param role owner, manager or accountant
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
  public static final List<String> ROLES = List.of("owner", "manager", "accountant");

  /** Whether it may change things: owners and managers may; an accountant only reads. */
  public boolean mayChange() {
    return !"accountant".equals(role);
  }

  /** Whether it may see {@code store}, a store of its organisation. */
  public boolean maySee(UUID store) {
    return stores == null || stores.contains(store);
  }
}
