package io.kasa.service.staff;

import io.kasa.service.auth.Role;
import java.util.List;
import java.util.UUID;

/**
 * An employee as the back office shows them (never their PIN or its verifier).
 *
 * @param id the employee
 * @param name their name, as the tills' sign-in list shows it
 * @param role what they may do at a till
 * @param active whether they may sign in
 * @param stores the stores they work at, or null for every store of the organisation
 */
public record Employee(UUID id, String name, Role role, boolean active, List<UUID> stores) {

  /** Whether they work at every store, those opened later included. */
  public boolean allStores() {
    return stores == null;
  }

  /** Whether they work at {@code store}. */
  public boolean worksAt(UUID store) {
    return stores == null || stores.contains(store);
  }
}
