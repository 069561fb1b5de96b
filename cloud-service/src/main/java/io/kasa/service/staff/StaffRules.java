package io.kasa.service.staff;

import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;

/**
 * Who may change whom, and what a change must hold (ADR 0044): an accountant changes nobody; a
 * manager's account gives any role but administrator and changes anyone but an administrator; an
 * owner's account anyone, any role; an account limited to some stores changes only employees who
 * work at none other. A name is not blank and at most {@link #MAX_NAME} characters.
 */
public final class StaffRules {

  /** The longest name, in characters. */
  public static final int MAX_NAME = 100;

  private StaffRules() {}

  /** The roles {@code account} may give: an owner all; a manager all but administrator. */
  public static List<Role> rolesFor(OfficeAccount account) {
    return Arrays.stream(Role.values())
        .filter(r -> "owner".equals(account.role()) || r != Role.ADMIN)
        .toList();
  }

  /** Whether {@code account} may change {@code e} (role, stores, PIN, dismissal). */
  public static boolean mayChange(OfficeAccount account, Employee e) {
    return account.mayChange()
        && rolesFor(account).contains(e.role())
        && (account.stores() == null
            || (!e.allStores() && account.stores().containsAll(e.stores())));
  }

  /** The employee, locked for this transaction, if the account may change them; else 404 or 403. */
  static Employee changeable(Handle h, OfficeAccount account, UUID employee) {
    h.createQuery("select 1 from employee where organisation_id = :org and id = :id for update")
        .bind("org", account.organisationId())
        .bind("id", employee)
        .mapTo(Integer.class)
        .findOne();
    Employee e = StaffRoster.get(h, account, employee);
    if (!rolesFor(account).contains(e.role())) {
      throw refused(
          403,
          "staff-rank",
          "Only an owner's account changes an employee with the " + e.role() + " role");
    }
    if (account.stores() != null && (e.allStores() || !account.stores().containsAll(e.stores()))) {
      throw refused(
          403, "staff-scope", "This employee works at stores outside this account's stores");
    }
    return e;
  }

  static void changer(OfficeAccount account) {
    if (!account.mayChange()) {
      throw ApiException.forbidden(
          "An accountant's account reads the back office but changes nothing");
    }
  }

  static String name(String name) {
    String clean = name == null ? "" : name.strip();
    if (clean.isEmpty()) {
      throw ApiException.refused("staff-name-required", Map.of(), "/name", "A name is required");
    }
    if (clean.codePointCount(0, clean.length()) > MAX_NAME) {
      throw ApiException.refused(
          "staff-name-too-long",
          Map.of("max", Integer.toString(MAX_NAME)),
          "/name",
          "A name is at most " + MAX_NAME + " characters");
    }
    return clean;
  }

  static Role role(OfficeAccount account, String role) {
    Role r;
    try {
      r = Role.valueOf(role == null ? "" : role);
    } catch (IllegalArgumentException e) {
      throw ApiException.refused(
          "staff-role-unknown",
          Map.of(),
          "/role",
          "The role is one of "
              + Arrays.stream(Role.values()).map(Role::name).collect(Collectors.joining(", ")));
    }
    if (!rolesFor(account).contains(r)) {
      throw refused(403, "staff-rank", "Only an owner's account gives the " + r + " role");
    }
    return r;
  }

  static ApiException refused(int status, String type, String detail) {
    return new ApiException(status, type, "Not allowed", detail, null);
  }
}
