package io.kasa.service.staff;

import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.auth.Role;
import io.kasa.service.http.ApiException;
import java.text.Collator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The employees and stores a back-office account may see (ADR 0044): always of its own
 * organisation; an account limited to some stores sees the employees who work at one of them (those
 * of every store included). Anything else is not found, so its existence is not told.
 */
public final class StaffRoster {

  /**
   * Active employees first, then by name as Ukrainian orders its alphabet (and English within it;
   * the database's collation may put І before А), then by id.
   */
  private static final Comparator<Employee> ORDER =
      Comparator.comparing((Employee e) -> !e.active())
          .thenComparing(Employee::name, Collator.getInstance(Locale.forLanguageTag("uk")))
          .thenComparing(Employee::id);

  private final Jdbi jdbi;

  public StaffRoster(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /** The stores of the account's organisation it may see, by code. */
  public List<StoreRef> stores(OfficeAccount account) {
    return jdbi.withHandle(h -> stores(h, account));
  }

  static List<StoreRef> stores(Handle h, OfficeAccount account) {
    return h
        .createQuery(
            "select id, code, name from store where organisation_id = :org order by code, id")
        .bind("org", account.organisationId())
        .map(
            (rs, ctx) ->
                new StoreRef(
                    rs.getObject("id", UUID.class), rs.getString("code"), rs.getString("name")))
        .list()
        .stream()
        .filter(s -> account.maySee(s.id()))
        .toList();
  }

  /**
   * The employees the account may see, active ones first, by name; with {@code store}, only those
   * who work there (404 for a store it may not see).
   */
  public List<Employee> list(OfficeAccount account, UUID store) {
    return jdbi.withHandle(
        h -> {
          if (store != null && stores(h, account).stream().noneMatch(s -> s.id().equals(store))) {
            throw ApiException.notFound("No such store");
          }
          return employees(h, account.organisationId(), null).stream()
              .filter(e -> visible(account, e))
              .filter(e -> store == null || e.worksAt(store))
              .sorted(ORDER)
              .toList();
        });
  }

  /** One employee the account may see, else 404. */
  public Employee get(OfficeAccount account, UUID employee) {
    return jdbi.withHandle(h -> get(h, account, employee));
  }

  static Employee get(Handle h, OfficeAccount account, UUID employee) {
    List<Employee> found = employees(h, account.organisationId(), employee);
    if (found.isEmpty() || !visible(account, found.get(0))) {
      throw ApiException.notFound("No such employee");
    }
    return found.get(0);
  }

  /** Whether the account sees the employee: they work at one of its stores. */
  static boolean visible(OfficeAccount account, Employee e) {
    return account.stores() == null
        || e.allStores()
        || e.stores().stream().anyMatch(account.stores()::contains);
  }

  /** The organisation's employees (or the one of {@code only}). */
  private static List<Employee> employees(Handle h, UUID org, UUID only) {
    Map<UUID, List<UUID>> stores = new HashMap<>();
    h.createQuery(
            "select es.employee_id, es.store_id from employee_store es"
                + " join store s on s.organisation_id = es.organisation_id and s.id = es.store_id"
                + " where es.organisation_id = :org"
                + " and (cast(:only as uuid) is null or es.employee_id = cast(:only as uuid))"
                + " order by s.code, s.id")
        .bind("org", org)
        .bind("only", only == null ? null : only.toString())
        .map((rs, ctx) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
        .forEach(e -> stores.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
    return h.createQuery(
            "select id, name, role, active, all_stores from employee where organisation_id = :org"
                + " and (cast(:only as uuid) is null or id = cast(:only as uuid))"
                + " order by id")
        .bind("org", org)
        .bind("only", only == null ? null : only.toString())
        .map(
            (rs, ctx) -> {
              UUID id = rs.getObject("id", UUID.class);
              return new Employee(
                  id,
                  rs.getString("name"),
                  Role.valueOf(rs.getString("role")),
                  rs.getBoolean("active"),
                  rs.getBoolean("all_stores")
                      ? null
                      : List.copyOf(stores.getOrDefault(id, List.of())));
            })
        .list();
  }
}
