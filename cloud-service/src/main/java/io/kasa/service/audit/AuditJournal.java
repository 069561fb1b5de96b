package io.kasa.service.audit;

import io.kasa.api.office.OfficeAuditEntry;
import io.kasa.api.office.OfficeAuditPage;
import io.kasa.service.db.TimeCursor;
import io.kasa.service.http.ApiException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * The back office's audit log (issue 22, ADR 0048): an organisation's entries newest first, as far
 * as the account may see, filtered and paged by a keyset cursor — the last entry's (at, id).
 *
 * <p>An account of every store sees every entry; one scoped to some stores sees only the entries of
 * the tills in those stores (never an office change that names no till, nor a sign-in to the back
 * office). Each page reads one index from its end: when the filter names a till, an employee or an
 * office account, that one's; when it names a store, or the account is scoped, the tills' one by
 * one; when it names a kind, its actions' one by one; else every entry's by time.
 */
public final class AuditJournal {

  /** Entries a page holds when the caller does not say. */
  public static final int PAGE = 50;

  /** The most entries a page may hold. */
  public static final int MOST = 200;

  /**
   * What an account may see.
   *
   * @param organisation its organisation
   * @param stores the stores it may see, or null for every store (and the office's own entries)
   */
  public record Scope(UUID organisation, List<UUID> stores) {

    boolean sees(UUID store) {
      return stores == null || stores.contains(store);
    }
  }

  /**
   * The log's filters; each null means any.
   *
   * @param from the first day, in the store's time zone
   * @param to the last day, included
   * @param store the entries of this store's tills
   * @param terminal a till's
   * @param employee those naming an employee
   * @param account those an office account made
   * @param kind one of {@link AuditActions#KINDS}
   */
  public record Filter(
      LocalDate from,
      LocalDate to,
      UUID store,
      UUID terminal,
      UUID employee,
      UUID account,
      String kind) {

    /** No filter at all. */
    public static final Filter NONE = new Filter(null, null, null, null, null, null, null);
  }

  /**
   * What the filters offer an account: the stores it sees, their tills, the organisation's
   * employees, and — for an account of every store — the office accounts.
   *
   * @param stores stores
   * @param terminals tills, with their store's name
   * @param employees employees
   * @param accounts office accounts by email (empty for a scoped account)
   */
  public record Choices(
      List<OfficeAuditEntry.Named> stores,
      List<OfficeAuditEntry.Named> terminals,
      List<OfficeAuditEntry.Named> employees,
      List<OfficeAuditEntry.Named> accounts) {}

  private static final String ENTRY =
      "select id, at, terminal_id, employee_id, office_account_id, action, detail"
          + " from audit_log a where a.organisation_id = :org";

  private final Jdbi jdbi;

  public AuditJournal(Jdbi jdbi) {
    this.jdbi = jdbi;
  }

  /**
   * A page of the log in {@code language}'s words: up to {@code limit} entries older than {@code
   * cursor} (null for the newest) that pass {@code filter}. A store, till, employee or office
   * account the scope does not hold is 404; a cursor this log did not give, a kind that is none or
   * days the wrong way round are 400 naming the parameter.
   */
  public OfficeAuditPage page(
      Scope scope, Filter filter, String cursor, int limit, String language) {
    if (limit < 1 || limit > MOST) {
      throw ApiException.badRequest("The query parameter limit is from 1 to " + MOST);
    }
    if (filter.kind() != null && !AuditActions.KINDS.contains(filter.kind())) {
      throw ApiException.badRequest(
          "The query parameter kind is one of " + String.join(", ", AuditActions.KINDS));
    }
    if (filter.from() != null && filter.to() != null && filter.to().isBefore(filter.from())) {
      throw ApiException.badRequest("The query parameter to is a day on or after from");
    }
    TimeCursor<Long> after =
        cursor == null
            ? null
            : TimeCursor.decode(cursor, Long::valueOf)
                .orElseThrow(
                    () ->
                        ApiException.badRequest(
                            "The query parameter cursor is not one this log gave (take next from"
                                + " a page)"));
    return jdbi.withHandle(
        h -> {
          Optional<UUID> tillStore = requireKnown(h, scope, filter);
          StringBuilder where = new StringBuilder();
          Map<String, Object> binds = new HashMap<>();
          binds.put("org", scope.organisation());
          // The tills whose entries may show: a store's, or the scoped account's stores'.
          List<UUID> tills = null;
          if (filter.terminal() == null && (filter.store() != null || scope.stores() != null)) {
            tills = tills(h, scope, filter.store());
            if (tills.isEmpty()) {
              return new OfficeAuditPage(List.of(), null);
            }
          }
          List<String> actions = filter.kind() == null ? null : AuditActions.actions(filter.kind());
          if (filter.terminal() != null) {
            where.append(" and a.terminal_id = :terminal");
            binds.put("terminal", filter.terminal());
          }
          if (filter.employee() != null) {
            where.append(" and a.employee_id = :employee");
            binds.put("employee", filter.employee());
          }
          if (filter.account() != null) {
            where.append(" and a.office_account_id = :account");
            binds.put("account", filter.account());
          }
          ZoneId zone = zone(h, scope, filter.store(), tillStore.orElse(null));
          if (filter.from() != null) {
            where.append(" and a.at >= :from");
            binds.put("from", start(filter.from(), zone));
          }
          if (filter.to() != null) {
            where.append(" and a.at < :to");
            binds.put("to", start(filter.to().plusDays(1), zone));
          }
          if (after != null) {
            where.append(" and (a.at, a.id) < (:at, :id)");
            binds.put("at", after.atUtc());
            binds.put("id", after.key());
          }
          // One index read from its end, or one per till or per action, each stopping at a page.
          String fan = null;
          if (filter.terminal() == null && filter.employee() == null && filter.account() == null) {
            if (tills != null) {
              fan = "terminal_id";
              if (actions != null) {
                where.append(" and a.action = any(:actions)");
              }
            } else if (actions != null) {
              fan = "action";
            }
          } else {
            if (tills != null) {
              where.append(" and a.terminal_id = any(:tills)");
            }
            if (actions != null) {
              where.append(" and a.action = any(:actions)");
            }
          }
          String order = " order by at desc, id desc limit :limit";
          String sql;
          if (fan == null) {
            sql = ENTRY + where + order;
          } else {
            sql =
                "select e.* from unnest(:keys) k(v) cross join lateral ("
                    + ENTRY
                    + " and a."
                    + fan
                    + " = k.v"
                    + where
                    + order
                    + ") e"
                    + order;
          }
          binds.put("limit", limit + 1);
          Query q = h.createQuery(sql).bindMap(binds);
          if ("terminal_id".equals(fan)) {
            q.bindArray("keys", UUID.class, tills);
          } else if ("action".equals(fan)) {
            q.bindArray("keys", String.class, actions);
          } else if (tills != null) {
            q.bindArray("tills", UUID.class, tills);
          }
          if (actions != null && !"action".equals(fan)) {
            q.bindArray("actions", String.class, actions);
          }
          List<AuditEntries.Raw> raws =
              new ArrayList<>(q.map((rs, ctx) -> AuditEntries.raw(rs)).list());
          String next = null;
          if (raws.size() > limit) {
            raws.remove(limit);
            AuditEntries.Raw last = raws.get(limit - 1);
            next = new TimeCursor<>(last.at(), last.id()).encode();
          }
          return new OfficeAuditPage(AuditEntries.named(h, scope, raws, language), next);
        });
  }

  /** What the log's filters offer to an account of {@code scope}. */
  public Choices choices(Scope scope) {
    return jdbi.withHandle(
        h -> {
          List<OfficeAuditEntry.Named> stores = new ArrayList<>();
          List<OfficeAuditEntry.Named> terminals = new ArrayList<>();
          h.createQuery(
                  "select st.id as store_id, st.name as store_name, t.id, t.name from store st"
                      + " left join terminal t on t.organisation_id = st.organisation_id"
                      + " and t.store_id = st.id where st.organisation_id = :org"
                      + " order by st.name, st.id, t.name, t.id")
              .bind("org", scope.organisation())
              .mapToMap()
              .forEach(
                  m -> {
                    UUID storeId = (UUID) m.get("store_id");
                    if (!scope.sees(storeId)) {
                      return;
                    }
                    String storeName = (String) m.get("store_name");
                    if (stores.isEmpty()
                        || !stores.get(stores.size() - 1).id().equals(storeId.toString())) {
                      stores.add(new OfficeAuditEntry.Named(storeId.toString(), storeName));
                    }
                    if (m.get("id") != null) {
                      terminals.add(
                          new OfficeAuditEntry.Named(
                              m.get("id").toString(), m.get("name") + " · " + storeName));
                    }
                  });
          List<OfficeAuditEntry.Named> employees =
              list(h, "select id, name from employee where organisation_id = :org", scope);
          List<OfficeAuditEntry.Named> accounts =
              scope.stores() != null
                  ? List.of()
                  : list(
                      h,
                      "select id, email from office_account where organisation_id = :org",
                      scope);
          return new Choices(stores, terminals, employees, accounts);
        });
  }

  /**
   * A store, till, employee or office account the filter names that the scope does not hold is 404;
   * answers a till's store.
   */
  private static Optional<UUID> requireKnown(Handle h, Scope scope, Filter f) {
    if (f.store() != null
        && (!scope.sees(f.store())
            || !exists(
                h,
                "select 1 from store where organisation_id = :org and id = :id",
                scope,
                f.store()))) {
      throw ApiException.notFound("No such store");
    }
    Optional<UUID> store = Optional.empty();
    if (f.terminal() != null) {
      store =
          h.createQuery("select store_id from terminal where organisation_id = :org and id = :id")
              .bind("org", scope.organisation())
              .bind("id", f.terminal())
              .mapTo(UUID.class)
              .findOne();
      if (store.isEmpty() || !scope.sees(store.get())) {
        throw ApiException.notFound("No such terminal");
      }
    }
    if (f.employee() != null
        && !exists(
            h,
            "select 1 from employee where organisation_id = :org and id = :id",
            scope,
            f.employee())) {
      throw ApiException.notFound("No such employee");
    }
    if (f.account() != null
        && (scope.stores() != null
            || !exists(
                h,
                "select 1 from office_account where organisation_id = :org and id = :id",
                scope,
                f.account()))) {
      throw ApiException.notFound("No such office account");
    }
    return store;
  }

  private static boolean exists(Handle h, String sql, Scope scope, UUID id) {
    return h.createQuery(sql)
        .bind("org", scope.organisation())
        .bind("id", id)
        .mapTo(Integer.class)
        .findOne()
        .isPresent();
  }

  /** The tills of {@code store} (null: of every store the scope sees). */
  private static List<UUID> tills(Handle h, Scope scope, UUID store) {
    return h
        .createQuery("select id, store_id from terminal where organisation_id = :org")
        .bind("org", scope.organisation())
        .map(
            (rs, ctx) ->
                Map.entry(rs.getObject("id", UUID.class), rs.getObject("store_id", UUID.class)))
        .list()
        .stream()
        .filter(t -> store == null ? scope.sees(t.getValue()) : store.equals(t.getValue()))
        .map(Map.Entry::getKey)
        .toList();
  }

  /**
   * The days' zone: the store's (the filter's, or the till's); else the first store the account
   * sees, by name; Kyiv's when there is none.
   */
  private static ZoneId zone(Handle h, Scope scope, UUID store, UUID tillStore) {
    UUID which = store != null ? store : tillStore;
    if (which != null) {
      return h.createQuery("select time_zone from store where organisation_id = :org and id = :id")
          .bind("org", scope.organisation())
          .bind("id", which)
          .mapTo(String.class)
          .findOne()
          .map(AuditEntries::zone)
          .orElse(AuditEntries.DEFAULT_ZONE);
    }
    return AuditEntries.defaultZone(h, scope);
  }

  private static Instant start(LocalDate day, ZoneId zone) {
    return day.atStartOfDay(zone).toInstant();
  }

  private static List<OfficeAuditEntry.Named> list(Handle h, String select, Scope scope) {
    return h.createQuery(select + " order by 2, 1")
        .bind("org", scope.organisation())
        .map((rs, ctx) -> new OfficeAuditEntry.Named(rs.getString(1), rs.getString(2)))
        .list();
  }
}
