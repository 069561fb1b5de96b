package io.kasa.service.staff;

import io.kasa.api.auth.PinHasher;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.PinLookup;
import io.kasa.service.auth.Role;
import io.kasa.service.db.Invalidations;
import io.kasa.service.http.ApiException;
import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * What an owner or a manager changes about the staff in the back office (ADR 0044): a new employee,
 * their name, role and stores, a new PIN, dismissal and return. A PIN is generated here (six random
 * digits, unique among the organisation's active employees, ADR 0021), handed back once and kept
 * only as its verifier and look-up. Each change is one transaction with its audit entry naming the
 * office account; the tills hear of it through their change feed (ADR 0028), and the service's kept
 * sign-ins are dropped (ADR 0016).
 *
 * <p>Who may change whom: an accountant nobody; a manager's account everyone but an administrator,
 * and gives any role but administrator (nobody rises above the one who appoints them); an owner's
 * account anyone, any role. An account limited to some stores places employees only at those stores
 * and changes only employees who work at none other.
 */
public final class StaffChanges {

  /** How many digits a generated PIN has (a PIN is 4 to 12). */
  public static final int PIN_DIGITS = 6;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Jdbi jdbi;
  private final PinHasher pins;
  private final Consumer<Invalidations.Topic> changed;

  /**
   * @param changed told of each committed change, so this process's kept sign-ins are dropped at
   *     once (other processes hear it from the database)
   */
  public StaffChanges(Jdbi jdbi, PinHasher pins, Consumer<Invalidations.Topic> changed) {
    this.jdbi = jdbi;
    this.pins = pins;
    this.changed = changed;
  }

  /**
   * A new employee of every store ({@code stores} null) or of the stores listed, with a generated
   * PIN shown once.
   */
  public NewPin create(OfficeAccount account, String name, String role, List<UUID> stores) {
    StaffRules.changer(account);
    String clean = StaffRules.name(name);
    Role r = StaffRules.role(account, role);
    List<UUID> places = stores(account, stores);
    UUID id = UUID.randomUUID();
    NewPin created =
        withNewPin(
            account.organisationId(),
            null,
            (h, pin) -> {
              h.createUpdate(
                      "insert into employee (organisation_id, id, name, role, pin_hash, pin_lookup,"
                          + " all_stores) values (:org, :id, :name, :role, :hash, :lookup, :all)")
                  .bind("org", account.organisationId())
                  .bind("id", id)
                  .bind("name", clean)
                  .bind("role", r.name())
                  .bind("hash", pin.hash())
                  .bind("lookup", pin.lookup())
                  .bind("all", places == null)
                  .execute();
              placeAt(h, account.organisationId(), id, places);
              Employee e = StaffRoster.get(h, account, id);
              Audit.recordOffice(
                  h,
                  account.organisationId(),
                  account.id(),
                  id,
                  "office.staff.created",
                  text(h, account.organisationId(), e));
              return e;
            });
    changed.accept(Invalidations.Topic.AUTH);
    return created;
  }

  /**
   * Renames an employee, gives them a role and the stores they work at (null: every store). Their
   * open sessions at tills of stores they no longer work at end.
   */
  public Employee update(
      OfficeAccount account, UUID employee, String name, String role, List<UUID> stores) {
    StaffRules.changer(account);
    String clean = StaffRules.name(name);
    Role r = StaffRules.role(account, role);
    List<UUID> places = stores(account, stores);
    UUID org = account.organisationId();
    Employee after =
        jdbi.inTransaction(
            h -> {
              Employee before = StaffRules.changeable(h, account, employee);
              h.createUpdate(
                      "update employee set name = :name, role = :role, all_stores = :all"
                          + " where organisation_id = :org and id = :id")
                  .bind("name", clean)
                  .bind("role", r.name())
                  .bind("all", places == null)
                  .bind("org", org)
                  .bind("id", employee)
                  .execute();
              h.createUpdate(
                      "delete from employee_store where organisation_id = :org and employee_id = :id"
                          + " and (cast(:all as boolean) or store_id <> all(:keep))")
                  .bind("org", org)
                  .bind("id", employee)
                  .bind("all", places == null)
                  .bindArray("keep", UUID.class, places == null ? List.of() : places)
                  .execute();
              placeAt(h, org, employee, places);
              if (places != null) {
                h.createUpdate(
                        "update employee_session s set ended_at = now() from terminal t"
                            + " where s.organisation_id = :org and s.employee_id = :id"
                            + " and s.ended_at is null and t.organisation_id = s.organisation_id"
                            + " and t.id = s.terminal_id and t.store_id <> all(:keep)")
                    .bind("org", org)
                    .bind("id", employee)
                    .bindArray("keep", UUID.class, places)
                    .execute();
              }
              Employee e = StaffRoster.get(h, account, employee);
              if (!e.equals(before)) {
                Audit.recordOffice(
                    h,
                    org,
                    account.id(),
                    employee,
                    "office.staff.changed",
                    text(h, org, before) + " → " + text(h, org, e));
              }
              return e;
            });
    changed.accept(Invalidations.Topic.AUTH);
    return after;
  }

  /**
   * Dismisses an employee: no sign-in at any till, online or (once the till has heard) offline, and
   * their open sessions end. Dismissing someone already dismissed changes nothing.
   */
  public Employee deactivate(OfficeAccount account, UUID employee) {
    StaffRules.changer(account);
    UUID org = account.organisationId();
    Employee after =
        jdbi.inTransaction(
            h -> {
              Employee before = StaffRules.changeable(h, account, employee);
              if (!before.active()) {
                return before;
              }
              h.createUpdate(
                      "update employee set active = false where organisation_id = :org and id = :id")
                  .bind("org", org)
                  .bind("id", employee)
                  .execute();
              endSessions(h, org, employee);
              Audit.recordOffice(
                  h, org, account.id(), employee, "office.staff.deactivated", before.name());
              return StaffRoster.get(h, account, employee);
            });
    changed.accept(Invalidations.Topic.AUTH);
    return after;
  }

  /**
   * Lets a dismissed employee sign in again, with a new PIN (the old one may have been given to
   * someone else since, and was known while they were away); 409 when they are active.
   */
  public NewPin reactivate(OfficeAccount account, UUID employee) {
    return givePin(
        account,
        employee,
        "office.staff.reactivated",
        before ->
            before.active() ? ApiException.conflict(before.name() + " is active already") : null);
  }

  /**
   * Gives an active employee a new PIN: the old one stops working at once on the service and at
   * each till when it hears (offline too), their open sessions end, and a lockout from wrong PINs
   * is lifted. 409 for a dismissed employee (reactivate them instead).
   */
  public NewPin resetPin(OfficeAccount account, UUID employee) {
    return givePin(
        account,
        employee,
        "office.staff.pin-reset",
        before ->
            before.active()
                ? null
                : ApiException.conflict(
                    before.name() + " is dismissed: reactivate them, which gives a new PIN"));
  }

  /**
   * Gives {@code employee} a new PIN and leaves them active with no open session, unless {@code
   * refused} names why not from how they were; audited as {@code event}, and the tills told.
   */
  private NewPin givePin(
      OfficeAccount account,
      UUID employee,
      String event,
      java.util.function.Function<Employee, ApiException> refused) {
    StaffRules.changer(account);
    UUID org = account.organisationId();
    NewPin given =
        withNewPin(
            org,
            employee,
            (h, pin) -> {
              Employee before = StaffRules.changeable(h, account, employee);
              ApiException no = refused.apply(before);
              if (no != null) {
                throw no;
              }
              setPin(h, org, employee, pin, true);
              endSessions(h, org, employee);
              Audit.recordOffice(h, org, account.id(), employee, event, before.name());
              return StaffRoster.get(h, account, employee);
            });
    changed.accept(Invalidations.Topic.AUTH);
    return given;
  }

  /** A PIN being given: its verifier and look-up, never the PIN itself. */
  private record Pin(String hash, byte[] lookup) {}

  private interface PinWork {
    Employee apply(Handle h, Pin pin);
  }

  /**
   * Runs {@code work} in a transaction with a new random PIN for {@code employee} (null: a new
   * one), unique among the organisation's active employees; a PIN found taken is drawn again.
   */
  private NewPin withNewPin(UUID org, UUID employee, PinWork work) {
    for (int attempt = 0; attempt < 20; attempt++) {
      String pin = randomPin();
      // Hashed before the transaction: no connection is held for the slow verifier.
      String hash = pins.hash(pin);
      Optional<Employee> done =
          jdbi.inTransaction(
              h -> {
                byte[] lookup;
                try {
                  lookup = PinLookup.unique(h, org, employee, pin);
                } catch (ApiException taken) {
                  if (taken.status() == 409) {
                    return Optional.empty();
                  }
                  throw taken;
                }
                return Optional.of(work.apply(h, new Pin(hash, lookup)));
              });
      if (done.isPresent()) {
        return new NewPin(done.get(), pin);
      }
    }
    throw new IllegalStateException("No free PIN found for organisation " + org);
  }

  static String randomPin() {
    int bound = (int) Math.pow(10, PIN_DIGITS);
    return String.format(java.util.Locale.ROOT, "%0" + PIN_DIGITS + "d", RANDOM.nextInt(bound));
  }

  private static void setPin(Handle h, UUID org, UUID employee, Pin pin, boolean activate) {
    h.createUpdate(
            "update employee set pin_hash = :hash, pin_lookup = :lookup, active = :active"
                + " where organisation_id = :org and id = :id")
        .bind("hash", pin.hash())
        .bind("lookup", pin.lookup())
        .bind("active", activate)
        .bind("org", org)
        .bind("id", employee)
        .execute();
    h.createUpdate("delete from pin_attempt where organisation_id = :org and employee_id = :id")
        .bind("org", org)
        .bind("id", employee)
        .execute();
  }

  private static void endSessions(Handle h, UUID org, UUID employee) {
    h.createUpdate(
            "update employee_session set ended_at = now() where organisation_id = :org"
                + " and employee_id = :id and ended_at is null")
        .bind("org", org)
        .bind("id", employee)
        .execute();
  }

  private static void placeAt(Handle h, UUID org, UUID employee, List<UUID> stores) {
    if (stores == null) {
      return;
    }
    for (UUID store : stores) {
      h.createUpdate(
              "insert into employee_store (organisation_id, employee_id, store_id)"
                  + " values (:org, :id, :store) on conflict do nothing")
          .bind("org", org)
          .bind("id", employee)
          .bind("store", store)
          .execute();
    }
  }

  /** The stores as given, each one the account may see (else 404), or null for every store. */
  private List<UUID> stores(OfficeAccount account, List<UUID> stores) {
    if (stores == null) {
      if (account.stores() != null) {
        throw StaffRules.refused(
            403,
            "staff-scope",
            "An account limited to some stores places employees at those stores only: list them");
      }
      return null;
    }
    if (stores.isEmpty()) {
      throw ApiException.refused(
          "staff-stores-required",
          Map.of(),
          "/stores",
          "At least one store, or null for every store");
    }
    List<UUID> visible =
        jdbi.withHandle(h -> StaffRoster.stores(h, account)).stream().map(StoreRef::id).toList();
    for (UUID s : stores) {
      if (!visible.contains(s)) {
        throw ApiException.notFound("No such store " + s);
      }
    }
    return List.copyOf(new LinkedHashSet<>(stores));
  }

  /** How the audit names an employee: name, role and stores (by code). */
  private static String text(Handle h, UUID org, Employee e) {
    String stores;
    if (e.allStores()) {
      stores = "all stores";
    } else {
      Map<UUID, String> codes =
          h
              .createQuery("select id, code from store where organisation_id = :org")
              .bind("org", org)
              .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
              .list()
              .stream()
              .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
      stores = e.stores().stream().map(codes::get).collect(Collectors.joining(", "));
    }
    return e.name() + " · " + e.role() + " · " + stores;
  }
}
