package io.kasa.service.admin;

import io.kasa.api.office.OfficeStore;
import io.kasa.api.office.OfficeStoreChange;
import io.kasa.api.office.OfficeStoreNew;
import io.kasa.api.office.OfficeStoreRow;
import io.kasa.api.terminal.BarcodeLayoutDto;
import io.kasa.api.terminal.DiscountLimits;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.api.terminal.StoreIdentityDto;
import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.audit.Audit;
import io.kasa.service.discounts.DiscountLimitStore;
import io.kasa.service.http.ApiException;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * The organisation's stores as the back office's Stores screen reads, creates and changes them
 * (issue 22, ADR 0051). Every change goes through the writers of the {@code kasa-cloud admin}
 * commands ({@link StoreSetup}, {@link AdminService#configureStore}, {@link DiscountLimitStore}),
 * so it reaches the tills exactly as an admin command's does: the store's row or its layouts and
 * limits change, the feed's triggers move the store's version, and the tills fetch their
 * configuration. Only the stores an account may see; anything else is not found. Each change is
 * audited with the account that made it, naming what changed.
 */
public final class StoreOffice {

  private static final String DEFAULT_ZONE = "Europe/Kyiv";

  private final Jdbi jdbi;
  private final AdminService admin;
  private final Clock clock;

  public StoreOffice(Jdbi jdbi, AdminService admin, Clock clock) {
    this.jdbi = jdbi;
    this.admin = admin;
    this.clock = clock;
  }

  /** The stores {@code who} may see, by name, with their tills not revoked. */
  public List<OfficeStoreRow> list(OfficeAccount who) {
    return jdbi
        .withHandle(
            h ->
                h.createQuery(
                        "select s.id, s.code, s.name, s.address, s.time_zone, "
                            + TILLS
                            + " from store s where s.organisation_id = :org order by s.name, s.code")
                    .bind("org", who.organisationId())
                    .map(
                        (rs, ctx) ->
                            new OfficeStoreRow(
                                rs.getString("id"),
                                rs.getString("code"),
                                rs.getString("name"),
                                rs.getString("address"),
                                rs.getString("time_zone"),
                                rs.getInt("tills")))
                    .list())
        .stream()
        .filter(s -> who.maySee(UUID.fromString(s.id())))
        .toList();
  }

  private static final String TILLS =
      "(select count(*) from terminal t where t.organisation_id = s.organisation_id"
          + " and t.store_id = s.id and t.revoked_at is null) as tills";

  /** Store {@code id}'s settings if {@code who} may see it. */
  public Optional<OfficeStore> find(OfficeAccount who, UUID id) {
    if (id == null || !who.maySee(id)) {
      return Optional.empty();
    }
    return jdbi.withHandle(h -> read(h, who.organisationId(), id));
  }

  private Optional<OfficeStore> read(Handle h, UUID org, UUID id) {
    Optional<Map<String, Object>> found =
        h.createQuery(
                "select s.*, "
                    + TILLS
                    + " from store s where s.organisation_id = :org and s.id = :id")
            .bind("org", org)
            .bind("id", id)
            .mapToMap()
            .findOne();
    if (found.isEmpty()) {
      return Optional.empty();
    }
    Map<String, Object> s = found.get();
    OfflineCardRules cards =
        new OfflineCardRules(
            (Boolean) s.get("offline_cards"),
            ((Number) s.get("offline_card_sale_limit")).longValue(),
            ((Number) s.get("offline_card_total_limit")).longValue(),
            ((Number) s.get("offline_card_window_minutes")).intValue());
    return Optional.of(
        new OfficeStore(
            id.toString(),
            (String) s.get("code"),
            (String) s.get("name"),
            ((String) s.get("currency")).trim(),
            new StoreIdentityDto(
                (String) s.get("legal_name"),
                (String) s.get("address"),
                (String) s.get("tax_id"),
                (String) s.get("vat_number"),
                (String) s.get("receipt_header"),
                (String) s.get("receipt_footer")),
            (String) s.get("time_zone"),
            (String) s.get("public_address"),
            (String) s.get("tax_mode"),
            (String) s.get("tax_rounding"),
            ((Number) s.get("cash_increment")).longValue(),
            ((BigDecimal) s.get("price_override_limit")).stripTrailingZeros().toPlainString(),
            cards,
            DiscountLimitStore.at(h, org, id, clock.instant()),
            StoreSetup.layouts(h, org, id),
            ((Number) s.get("tills")).intValue(),
            io.kasa.api.terminal.TipRulesDto.of(StoreTips.of(s))));
  }

  /**
   * A new store, made as {@code kasa-cloud admin create-store} makes it (with the default label
   * layout); only an owner's account creates stores (403 otherwise), 409 when the organisation has
   * a store with that code, 422 naming a part not as documented.
   */
  public OfficeStore create(OfficeAccount who, OfficeStoreNew n) {
    if (!"owner".equals(who.role())) {
      throw ApiException.forbidden("Only an owner's account creates stores");
    }
    String code = n.code() == null ? "" : n.code().strip();
    if (!code.matches("[A-Za-z0-9]{1,16}")) {
      throw ApiException.invalid("/code", "A code is 1 to 16 letters or digits");
    }
    String name = StoreChecks.name(n.name());
    String currency = n.currency() == null ? "" : n.currency().strip();
    if (!currency.matches("[A-Z]{3}") || !StoreChecks.known(currency)) {
      throw ApiException.invalid("/currency", "A currency is its ISO 4217 code, e.g. UAH");
    }
    String zone = n.timeZone() == null ? DEFAULT_ZONE : StoreChecks.zone(n.timeZone());
    String mode =
        n.taxMode() == null
            ? "INCLUSIVE"
            : StoreChecks.choice(n.taxMode(), StoreChecks.TAX_MODES, "/taxMode");
    String rounding =
        n.taxRounding() == null
            ? "PER_RECEIPT"
            : StoreChecks.choice(n.taxRounding(), StoreChecks.TAX_ROUNDINGS, "/taxRounding");
    long increment = n.cashIncrement() == null ? 1 : StoreChecks.increment(n.cashIncrement());
    boolean taken =
        jdbi.withHandle(
            h ->
                h.createQuery(
                        "select exists (select 1 from store where organisation_id = :org"
                            + " and code = :code)")
                    .bind("org", who.organisationId())
                    .bind("code", code)
                    .mapTo(Boolean.class)
                    .one());
    if (taken) {
      throw ApiException.conflict("The organisation has a store " + code + " already");
    }
    UUID org = who.organisationId();
    UUID id;
    try {
      id = admin.createStore(org, code, name, currency, mode, rounding, increment, BigDecimal.TEN);
    } catch (org.jdbi.v3.core.statement.UnableToExecuteStatementException e) {
      // Another request took the code between the check above and this insert.
      if (e.getCause() instanceof java.sql.SQLException sql && "23505".equals(sql.getSQLState())) {
        throw ApiException.conflict("The organisation has a store " + code + " already");
      }
      throw e;
    }
    admin.stores().setRules(org, id, new StoreSetup.Rules(null, zone, null, null, null, null));
    jdbi.useHandle(
        h ->
            Audit.recordOffice(
                h,
                org,
                who.id(),
                "office.store.created",
                code + " " + name + " (" + currency + ")"));
    return read(org, id);
  }

  /**
   * Changes store {@code id} as {@code change} says (a null part stays as it is). Every part is
   * checked before anything is written: a part not as documented is 422 naming it by its JSON
   * pointer. 403 for an accountant, 404 for a store {@code who} may not see.
   */
  public OfficeStore change(OfficeAccount who, UUID id, OfficeStoreChange change) {
    if (!who.mayChange()) {
      throw ApiException.forbidden(
          "An accountant's account reads the back office but changes nothing");
    }
    OfficeStore before = find(who, id).orElseThrow(() -> ApiException.notFound("No such store"));
    UUID org = who.organisationId();
    StoreSetup.Rules rules =
        new StoreSetup.Rules(
            change.name() == null ? null : StoreChecks.name(change.name()),
            change.timeZone() == null ? null : StoreChecks.zone(change.timeZone()),
            change.taxMode() == null
                ? null
                : StoreChecks.choice(change.taxMode(), StoreChecks.TAX_MODES, "/taxMode"),
            change.taxRounding() == null
                ? null
                : StoreChecks.choice(
                    change.taxRounding(), StoreChecks.TAX_ROUNDINGS, "/taxRounding"),
            change.cashIncrement() == null ? null : StoreChecks.increment(change.cashIncrement()),
            change.priceOverrideLimit() == null
                ? null
                : StoreChecks.percent(change.priceOverrideLimit(), "/priceOverrideLimit"));
    String address =
        change.publicAddress() == null ? null : StoreChecks.publicAddress(change.publicAddress());
    if (change.offlineCards() != null) {
      StoreChecks.cards(change.offlineCards());
    }
    Map<String, BigDecimal> limits = new LinkedHashMap<>();
    if (change.discountLimits() != null) {
      change
          .discountLimits()
          .forEach(
              (role, value) -> {
                String pointer = "/discountLimits/" + role;
                if (!DiscountLimits.DEFAULTS.containsKey(role)) {
                  throw ApiException.invalid(
                      pointer, "A limit is set for a cashier, manager, host, technician or admin");
                }
                BigDecimal p = StoreChecks.percent(value, pointer);
                if (new BigDecimal(before.discountLimits().get(role)).compareTo(p) != 0) {
                  limits.put(role, p);
                }
              });
    }
    if (change.barcodeLayouts() != null) {
      StoreChecks.layouts(change.barcodeLayouts());
    }
    io.kasa.domain.tender.TipRules tips =
        change.tips() == null
            ? null
            : StoreTips.merge(
                io.kasa.api.terminal.TipRulesDto.toDomain(before.tips()),
                change.tips().enabled(),
                StoreTips.percents(change.tips().presets(), "/tips/presets"),
                StoreTips.percent(change.tips().maxPercent(), "/tips/maxPercent"));
    StoreSetup stores = admin.stores();
    if (change.identity() != null) {
      // The identity's writer checks its parts before it writes; nothing else is written yet.
      try {
        stores.setIdentity(org, id, change.identity());
      } catch (ApiException e) {
        throw StoreChecks.under("/identity", e);
      }
    }
    if (rules.name() != null
        || rules.timeZone() != null
        || rules.taxMode() != null
        || rules.taxRounding() != null
        || rules.cashIncrement() != null
        || rules.priceOverrideLimit() != null) {
      stores.setRules(org, id, rules);
    }
    if (address != null || change.offlineCards() != null) {
      admin.configureStore(org, id, null, address, change.offlineCards());
    }
    limits.forEach((role, p) -> DiscountLimitStore.set(jdbi, org, id, role, p, who.id()));
    if (change.barcodeLayouts() != null) {
      Map<String, BarcodeLayoutDto> wanted = new HashMap<>();
      change.barcodeLayouts().forEach(l -> wanted.put(l.prefix(), StoreChecks.upper(l)));
      for (BarcodeLayoutDto had : before.barcodeLayouts()) {
        if (!wanted.containsKey(had.prefix())) {
          stores.removeLayout(org, id, had.prefix());
        }
      }
      for (BarcodeLayoutDto l : wanted.values()) {
        if (!before.barcodeLayouts().contains(l)) {
          stores.putLayout(org, id, l);
        }
      }
    }
    if (tips != null) {
      stores.setTips(
          org,
          id,
          tips.enabled(),
          tips.presets().stream().map(io.kasa.domain.money.Percent::value).toList(),
          tips.maxPercent().value());
    }
    OfficeStore after = read(org, id);
    String changed = StoreChanges.between(before, after);
    if (!changed.isEmpty()) {
      jdbi.useHandle(
          h ->
              Audit.recordOffice(
                  h, org, who.id(), "office.store.changed", before.code() + ": " + changed));
    }
    return after;
  }

  private OfficeStore read(UUID org, UUID id) {
    return jdbi.withHandle(h -> read(h, org, id)).orElseThrow();
  }
}
