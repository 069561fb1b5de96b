package io.kasa.service.terminals;

import io.kasa.api.terminal.AuditEventRequest;
import io.kasa.api.terminal.DeviceSetup;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.api.terminal.StaffMember;
import io.kasa.api.terminal.StoreIdentityDto;
import io.kasa.api.terminal.StoreSettings;
import io.kasa.api.terminal.TerminalConfig;
import io.kasa.service.admin.StoreSetup;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.EmployeeStores;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.discounts.DiscountLimitStore;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The configuration an enrolled terminal caches (its store's rules, its staff and their PIN
 * verifiers) and the audit events it reports for what happened while it was on its own.
 */
public final class TerminalService {

  private static final int MAX_DETAIL = 500;
  private static final int MAX_SETTINGS = 100;
  private static final java.util.regex.Pattern SETTING_NAME =
      java.util.regex.Pattern.compile("[a-z0-9.-]{1,64}");
  private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
      io.kasa.service.http.Json.mapper();

  private final Jdbi jdbi;
  private final Clock clock;
  private final TerminalFeed feed;
  private final TerminalContacts contacts;
  private final TerminalDirectory directory;

  /**
   * @param changed told of each committed change to rows a service may cache (ADR 0016)
   */
  public TerminalService(
      Jdbi jdbi,
      Clock clock,
      TerminalFeed feed,
      java.util.function.Consumer<io.kasa.service.db.Invalidations.Topic> changed) {
    this.jdbi = jdbi;
    this.clock = clock;
    this.feed = feed;
    this.contacts = new TerminalContacts(jdbi, clock);
    this.directory = new TerminalDirectory(jdbi, clock, changed);
  }

  /** When each till was last in contact and what it reported of itself (ADR 0045). */
  public TerminalContacts contacts() {
    return contacts;
  }

  /** The back office's view of the organisation's terminals and what it does to them. */
  public TerminalDirectory directory() {
    return directory;
  }

  /** What tells the tills that their configuration or catalogue changed (ADR 0028). */
  public TerminalFeed feed() {
    return feed;
  }

  /** The calling terminal's configuration, all in its own organisation. */
  public TerminalConfig config(Principal terminal) {
    return jdbi.inTransaction(
        h -> {
          Map<String, Object> t =
              h.createQuery(
                      "select t.code as terminal_code, t.name as terminal_name, s.*"
                          + " from terminal t join store s on s.organisation_id = t.organisation_id"
                          + " and s.id = t.store_id where t.organisation_id = :org and t.id = :id")
                  .bind("org", terminal.organisationId())
                  .bind("id", terminal.terminalId())
                  .mapToMap()
                  .one();
          List<StaffMember> staff =
              h.createQuery(
                      "select id, name, role, pin_hash from employee e"
                          + " where organisation_id = :org and active and "
                          + EmployeeStores.worksAt("e", ":store")
                          + " order by name, id")
                  .bind("org", terminal.organisationId())
                  .bind("store", terminal.storeId())
                  .map(
                      (rs, ctx) ->
                          new StaffMember(
                              rs.getObject("id", UUID.class),
                              rs.getString("name"),
                              rs.getString("role"),
                              rs.getString("pin_hash")))
                  .list();
          boolean offlineCards = (Boolean) t.get("offline_cards");
          StoreSettings store =
              new StoreSettings(
                  (UUID) t.get("id"),
                  (String) t.get("code"),
                  (String) t.get("name"),
                  ((String) t.get("currency")).trim(),
                  (String) t.get("locale"),
                  (String) t.get("tax_mode"),
                  (String) t.get("tax_rounding"),
                  ((Number) t.get("cash_increment")).longValue(),
                  ((BigDecimal) t.get("price_override_limit")).stripTrailingZeros().toPlainString(),
                  (String) t.get("public_address"),
                  offlineCards
                      ? new OfflineCardRules(
                          true,
                          ((Number) t.get("offline_card_sale_limit")).longValue(),
                          ((Number) t.get("offline_card_total_limit")).longValue(),
                          ((Number) t.get("offline_card_window_minutes")).intValue())
                      : OfflineCardRules.none(),
                  ((Number) t.get("drawer_left_open_seconds")).intValue(),
                  new StoreIdentityDto(
                      (String) t.get("legal_name"),
                      (String) t.get("address"),
                      (String) t.get("tax_id"),
                      (String) t.get("vat_number"),
                      (String) t.get("receipt_header"),
                      (String) t.get("receipt_footer")),
                  StoreSetup.layouts(h, terminal.organisationId(), (UUID) t.get("id")),
                  ((Number) t.get("journal_retention_days")).intValue(),
                  io.kasa.api.terminal.TipRulesDto.of(io.kasa.service.admin.StoreTips.of(t)),
                  (String) t.get("time_zone"));
          return new TerminalConfig(
              terminal.terminalId(),
              (String) t.get("terminal_code"),
              (String) t.get("terminal_name"),
              store,
              staff,
              DiscountLimitStore.at(
                  h, terminal.organisationId(), (UUID) t.get("id"), clock.instant()));
        });
  }

  /**
   * Records an event the terminal reports, once per id; answers whether it was new. The named
   * employee must belong to the terminal's organisation.
   */
  public boolean record(Principal terminal, String idempotencyKey, AuditEventRequest e) {
    if (e.id() == null) {
      throw ApiException.invalid("/id", "The event id is required");
    }
    if (!e.id().toString().equals(idempotencyKey)) {
      throw ApiException.invalid("/id", "The Idempotency-Key header must be the event id");
    }
    if (e.action() == null || !AuditEventRequest.ACTIONS.contains(e.action())) {
      throw ApiException.invalid(
          "/action", "action is one of " + String.join(", ", sorted(AuditEventRequest.ACTIONS)));
    }
    if (e.at() == null) {
      throw ApiException.invalid("/at", "The time is required");
    }
    if (e.detail() != null && e.detail().codePointCount(0, e.detail().length()) > MAX_DETAIL) {
      throw ApiException.invalid("/detail", "At most " + MAX_DETAIL + " characters");
    }
    Instant at = e.at();
    return jdbi.inTransaction(
        h -> {
          try {
            TerminalTimes.check(terminal, at, "/at", clock.instant());
          } catch (ApiException refused) {
            // A repeat of a recorded event gets its first answer whenever it comes.
            if (h.createQuery(
                    "select 1 from audit_log where organisation_id = :org and event_id = :event")
                .bind("org", terminal.organisationId())
                .bind("event", e.id())
                .mapTo(Integer.class)
                .findOne()
                .isPresent()) {
              return false;
            }
            throw refused;
          }
          if (e.employeeId() != null
              && h.createQuery("select 1 from employee where organisation_id = :org and id = :id")
                  .bind("org", terminal.organisationId())
                  .bind("id", e.employeeId())
                  .mapTo(Integer.class)
                  .findOne()
                  .isEmpty()) {
            throw ApiException.invalid("/employeeId", "No such employee");
          }
          boolean created =
              h.createUpdate(
                          "insert into audit_log (organisation_id, event_id, at, terminal_id, employee_id,"
                              + " action, detail) values (:org, :event, :at, :terminal,"
                              + " cast(:employee as uuid), :action, :detail)"
                              + " on conflict (organisation_id, event_id) where event_id is not null do nothing")
                      .bind("org", terminal.organisationId())
                      .bind("event", e.id())
                      .bind("at", at.atOffset(ZoneOffset.UTC))
                      .bind("terminal", terminal.terminalId())
                      .bind("employee", e.employeeId() == null ? null : e.employeeId().toString())
                      .bind("action", e.action())
                      .bind("detail", e.detail())
                      .execute()
                  == 1;
          // A repeat answers the same only when it reports the same event; the time is compared
          // in the database, rounded as it was stored.
          if (!created
              && !h.createQuery(
                      "select terminal_id = :terminal and action = :action and at = :at"
                          + " and employee_id is not distinct from cast(:employee as uuid)"
                          + " and detail is not distinct from cast(:detail as text)"
                          + " from audit_log where organisation_id = :org and event_id = :event")
                  .bind("org", terminal.organisationId())
                  .bind("event", e.id())
                  .bind("at", at.atOffset(ZoneOffset.UTC))
                  .bind("terminal", terminal.terminalId())
                  .bind("employee", e.employeeId() == null ? null : e.employeeId().toString())
                  .bind("action", e.action())
                  .bind("detail", e.detail())
                  .mapTo(Boolean.class)
                  .one()) {
            throw ApiException.conflict("Event " + e.id() + " was recorded with other details");
          }
          return created;
        });
  }

  /** The calling terminal's backed-up device set-up, or 404 when it has none. */
  public DeviceSetup devices(Principal terminal) {
    return jdbi.withHandle(h -> findDevices(h, terminal.organisationId(), terminal.terminalId()))
        .orElseThrow(() -> ApiException.notFound("This terminal has no device set-up backed up"));
  }

  /**
   * Backs up the calling terminal's device set-up, replacing the one of {@code version} (none the
   * first time); answers whether it was the first backup, and the set-up stored.
   */
  public Map.Entry<Boolean, DeviceSetup> backUpDevices(Principal who, DeviceSetup setup) {
    if (who.role() == null
        || (who.role() != Role.TECHNICIAN
            && who.role() != Role.ADMIN
            && who.role() != Role.MANAGER)) {
      throw ApiException.forbidden("Only a technician or a manager backs up devices");
    }
    Map<String, String> settings = setup.settings();
    if (settings == null || settings.size() > MAX_SETTINGS) {
      throw ApiException.invalid("/settings", "1 to " + MAX_SETTINGS + " settings");
    }
    for (Map.Entry<String, String> e : settings.entrySet()) {
      if (e.getKey() == null || !SETTING_NAME.matcher(e.getKey()).matches()) {
        throw ApiException.invalid("/settings", "Setting names are 1 to 64 of a-z 0-9 . -");
      }
      if (e.getValue() == null || e.getValue().codePointCount(0, e.getValue().length()) > 500) {
        throw ApiException.invalid("/settings/" + e.getKey(), "A value is up to 500 characters");
      }
    }
    String body;
    try {
      body = MAPPER.writeValueAsString(new java.util.TreeMap<>(settings));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
    return jdbi.inTransaction(
        h -> {
          var current = findDevices(h, who.organisationId(), who.terminalId());
          if (current.isEmpty() != (setup.version() == null)) {
            throw ApiException.conflict(
                current.isEmpty()
                    ? "This terminal has no backup yet: send it without a version"
                    : "A backup exists: name its version " + current.get().version());
          }
          if (current.isPresent() && !current.get().version().equals(setup.version())) {
            throw ApiException.conflict(
                "The device backup was changed since version "
                    + setup.version()
                    + " (now "
                    + current.get().version()
                    + "): restore it or back up again on that version");
          }
          h.createUpdate(
                  "insert into terminal_devices (organisation_id, terminal_id, config, updated_at,"
                      + " updated_by) values (:org, :t, cast(:config as jsonb), now(), :by)"
                      + " on conflict (organisation_id, terminal_id) do update set config ="
                      + " excluded.config, updated_at = excluded.updated_at, updated_by ="
                      + " excluded.updated_by, version = terminal_devices.version + 1")
              .bind("org", who.organisationId())
              .bind("t", who.terminalId())
              .bind("config", body)
              .bind("by", who.employeeId())
              .execute();
          Audit.record(
              h,
              who.organisationId(),
              who.terminalId(),
              who.employeeId(),
              "DEVICES_BACKED_UP",
              settings.size() + " settings");
          return Map.entry(
              current.isEmpty(),
              findDevices(h, who.organisationId(), who.terminalId()).orElseThrow());
        });
  }

  /** The device set-up backed up under a terminal of {@code organisation}, if any. */
  static java.util.Optional<DeviceSetup> findDevices(
      org.jdbi.v3.core.Handle h, UUID organisation, UUID terminal) {
    return h.createQuery(
            "select config::text as config, version, updated_at from terminal_devices"
                + " where organisation_id = :org and terminal_id = :t")
        .bind("org", organisation)
        .bind("t", terminal)
        .map(
            (rs, ctx) -> {
              try {
                Map<String, String> settings =
                    MAPPER.readValue(
                        rs.getString("config"),
                        new com.fasterxml.jackson.core.type.TypeReference<
                            java.util.TreeMap<String, String>>() {});
                return new DeviceSetup(
                    settings, rs.getLong("version"), rs.getTimestamp("updated_at").toInstant());
              } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                throw new IllegalStateException("A stored device set-up that is not JSON", e);
              }
            })
        .findOne();
  }

  private static List<String> sorted(java.util.Set<String> values) {
    return values.stream().sorted().toList();
  }
}
