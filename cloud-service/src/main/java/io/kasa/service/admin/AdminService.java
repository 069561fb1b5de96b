package io.kasa.service.admin;

import io.kasa.api.auth.PinHasher;
import io.kasa.api.catalog.ItemDto;
import io.kasa.api.floor.AreaRequest;
import io.kasa.api.floor.TableRequest;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.service.audit.Audit;
import io.kasa.service.auth.PinLookup;
import io.kasa.service.auth.Principal;
import io.kasa.service.auth.Role;
import io.kasa.service.auth.Secrets;
import io.kasa.service.catalog.CatalogWriter;
import io.kasa.service.db.Invalidations;
import io.kasa.service.floor.FloorService;
import io.kasa.service.stock.StockAdmin;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Jdbi;

/** What the {@code admin} commands do, against the same database as the service. */
public final class AdminService {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  /** How long a new terminal's enrollment code stays valid. */
  public static final Duration ENROLLMENT_VALIDITY = Duration.ofHours(24);

  /**
   * A terminal waiting to be enrolled.
   *
   * @param terminalId the new terminal
   * @param enrollmentCode the one-time code to type on it (shown once, stored hashed)
   */
  public record NewTerminal(UUID terminalId, String enrollmentCode) {}

  private final Jdbi jdbi;
  private final PinHasher pins;
  private final Clock clock;
  private final Consumer<Invalidations.Topic> changed;

  /**
   * @param changed told of each committed change to rows a service may cache (ADR 0016), when the
   *     service runs in this process; other processes hear it from the database
   */
  public AdminService(
      Jdbi jdbi, PinHasher pins, Clock clock, Consumer<Invalidations.Topic> changed) {
    this.jdbi = jdbi;
    this.pins = pins;
    this.clock = clock;
    this.changed = changed;
  }

  /** Adds an area to a store's floor plan, as a manager would on a terminal. */
  public UUID createArea(UUID org, UUID store, String name, int position) {
    UUID id = UUID.randomUUID();
    new FloorService(jdbi, clock)
        .putArea(admin(org, store), id, new AreaRequest(name, position, null));
    return id;
  }

  /**
   * Creates or replaces a kitchen station of a store and its routes (ADR 0053): the items (ids or
   * SKUs) and categories sent to it. Answers the station as stored.
   */
  public io.kasa.api.kitchen.KitchenStationDto putKitchenStation(
      UUID org,
      UUID store,
      String id,
      String name,
      int position,
      java.util.List<String> items,
      java.util.List<String> categories) {
    return jdbi.inTransaction(
            h ->
                io.kasa.service.floor.KitchenStations.put(
                    h,
                    org,
                    store,
                    id,
                    new io.kasa.api.kitchen.KitchenStationRequest(
                        name, position, items, categories)))
        .getValue();
  }

  /** Adds a table to an area of a store's floor plan. */
  public UUID createTable(UUID org, UUID store, TableRequest table) {
    UUID id = UUID.randomUUID();
    new FloorService(jdbi, clock).putTable(admin(org, store), id, table);
    return id;
  }

  /** The administrator at the console, working on a store. */
  private static Principal admin(UUID org, UUID store) {
    return new Principal(org, store, null, null, Role.ADMIN, null);
  }

  public UUID createOrganisation(String name) {
    UUID id = UUID.randomUUID();
    jdbi.useHandle(
        h ->
            h.createUpdate("insert into organisation (id, name) values (:id, :name)")
                .bind("id", id)
                .bind("name", required(name, "name"))
                .execute());
    return id;
  }

  /**
   * A store; tax mode INCLUSIVE or EXCLUSIVE, rounding PER_LINE or PER_RECEIPT, cash increment in
   * minor units.
   */
  public UUID createStore(
      UUID org,
      String code,
      String name,
      String currency,
      String taxMode,
      String taxRounding,
      long cashIncrement,
      BigDecimal priceOverrideLimit) {
    UUID id = UUID.randomUUID();
    Currency.getInstance(currency);
    if (priceOverrideLimit.signum() < 0 || priceOverrideLimit.compareTo(HUNDRED) > 0) {
      throw new IllegalArgumentException("price override limit is a percentage from 0 to 100");
    }
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into store (organisation_id, id, code, name, currency, tax_mode, tax_rounding, cash_increment,"
                        + " price_override_limit) values (:org, :id, :code, :name, :currency, :mode, :rounding,"
                        + " :increment, :limit)")
                .bind("org", org)
                .bind("id", id)
                .bind("code", code(code))
                .bind("name", required(name, "name"))
                .bind("currency", currency)
                .bind("mode", taxMode.toUpperCase(Locale.ROOT))
                .bind("rounding", taxRounding.toUpperCase(Locale.ROOT))
                .bind("increment", cashIncrement)
                .bind("limit", priceOverrideLimit)
                .execute());
    stores().putLayout(org, id, StoreSetup.DEFAULT_LAYOUT);
    return id;
  }

  /**
   * Changes a store's terminal-side settings; a null leaves that setting as it is.
   *
   * @param locale BCP 47 tag for formats on the terminal, e.g. uk-UA
   * @param publicAddress the store's public address, an http or https base URL under which its
   *     receipts' pages are found ({@code /r/{token}}, ADR 0041); empty removes it
   * @param offlineCards the store-and-forward rules for cards taken offline
   */
  public void configureStore(
      UUID org, UUID store, String locale, String publicAddress, OfflineCardRules offlineCards) {
    if (locale != null && Locale.forLanguageTag(locale).getLanguage().isEmpty()) {
      throw new IllegalArgumentException("Not a language tag: " + locale);
    }
    String address =
        publicAddress == null || publicAddress.isEmpty()
            ? publicAddress
            : publicAddress(publicAddress);
    if (offlineCards != null
        && (offlineCards.perSaleLimit() < 0
            || offlineCards.totalLimit() < offlineCards.perSaleLimit()
            || offlineCards.windowMinutes() < 0
            || offlineCards.windowMinutes() > 7 * 24 * 60)) {
      throw new IllegalArgumentException(
          "Offline card limits: 0 ≤ per sale ≤ total, and a window of at most 7 days");
    }
    int updated =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update store set locale = coalesce(:locale, locale),"
                            + " public_address = case when :url is null then public_address"
                            + " when :url = '' then null else :url end,"
                            + " offline_cards = coalesce(:cards, offline_cards),"
                            + " offline_card_sale_limit = coalesce(:perSale, offline_card_sale_limit),"
                            + " offline_card_total_limit = coalesce(:total, offline_card_total_limit),"
                            + " offline_card_window_minutes = coalesce(:window, offline_card_window_minutes)"
                            + " where organisation_id = :org and id = :store")
                    .bind("locale", locale)
                    .bind("url", address)
                    .bind("cards", offlineCards == null ? null : offlineCards.allowed())
                    .bind("perSale", offlineCards == null ? null : offlineCards.perSaleLimit())
                    .bind("total", offlineCards == null ? null : offlineCards.totalLimit())
                    .bind("window", offlineCards == null ? null : offlineCards.windowMinutes())
                    .bind("org", org)
                    .bind("store", store)
                    .execute());
    changed.accept(Invalidations.Topic.CATALOG);
    if (updated != 1) {
      throw new IllegalArgumentException("No store " + store + " in organisation " + org);
    }
  }

  /**
   * A public address as stored: an http or https URL with a host and at most a path (no query, no
   * fragment, no {@code {number}} template any more), without a trailing slash.
   */
  public static String publicAddress(String text) {
    java.net.URI uri;
    try {
      uri = new java.net.URI(text.strip());
    } catch (java.net.URISyntaxException e) {
      throw new IllegalArgumentException("The public address is not a URL: " + text);
    }
    if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))
        || uri.getHost() == null
        || uri.getRawQuery() != null
        || uri.getRawFragment() != null
        || uri.getRawUserInfo() != null) {
      throw new IllegalArgumentException(
          "The public address is an http or https base URL, as https://receipts.example.com: "
              + text);
    }
    String out = uri.toString();
    while (out.endsWith("/")) {
      out = out.substring(0, out.length() - 1);
    }
    return out;
  }

  /**
   * How long a store's cash drawers may stand open before the tills raise an alert and audit it, 10
   * seconds to an hour.
   */
  public void setDrawerLeftOpen(UUID org, UUID store, int seconds) {
    if (seconds < 10 || seconds > 3600) {
      throw new IllegalArgumentException(
          "The drawer's time open is 10 to 3600 seconds, not " + seconds);
    }
    int updated =
        jdbi.withHandle(
            h ->
                h.createUpdate(
                        "update store set drawer_left_open_seconds = :seconds"
                            + " where organisation_id = :org and id = :store")
                    .bind("seconds", seconds)
                    .bind("org", org)
                    .bind("store", store)
                    .execute());
    changed.accept(Invalidations.Topic.CATALOG);
    if (updated != 1) {
      throw new IllegalArgumentException("No store " + store + " in organisation " + org);
    }
  }

  /**
   * A new one-time enrollment code for an existing terminal, for the device that replaces it:
   * enrolling with it gives the terminal a new credential (the old device's stops working), and the
   * replacement restores the device set-up backed up under the terminal.
   */
  public NewTerminal replaceTerminal(UUID org, UUID store, String code) {
    String enrollment = Secrets.enrollmentCode();
    UUID id =
        jdbi.inTransaction(
            h -> {
              UUID terminal =
                  h.createQuery(
                          "select id from terminal where organisation_id = :org and store_id = :store"
                              + " and code = :code and revoked_at is null")
                      .bind("org", org)
                      .bind("store", store)
                      .bind("code", code(code))
                      .mapTo(UUID.class)
                      .findOne()
                      .orElseThrow(
                          () ->
                              new IllegalArgumentException(
                                  "No terminal "
                                      + code
                                      + " in store "
                                      + store
                                      + " (or it is revoked)"));
              insertEnrollment(h, org, terminal, enrollment);
              Audit.record(h, org, terminal, null, "TERMINAL_REPLACED", code);
              return terminal;
            });
    return new NewTerminal(id, enrollment);
  }

  private void insertEnrollment(org.jdbi.v3.core.Handle h, UUID org, UUID terminal, String code) {
    h.createUpdate(
            "insert into enrollment_code (code_hash, organisation_id, terminal_id, expires_at)"
                + " values (:hash, :org, :id, :expires)")
        .bind("hash", Secrets.sha256(code))
        .bind("org", org)
        .bind("id", terminal)
        .bind("expires", clock.instant().plus(ENROLLMENT_VALIDITY).atOffset(ZoneOffset.UTC))
        .execute();
  }

  /** A terminal of a store and its one-time enrollment code. */
  public NewTerminal createTerminal(UUID org, UUID store, String code, String name) {
    UUID id = UUID.randomUUID();
    String enrollment = Secrets.enrollmentCode();
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "insert into terminal (organisation_id, id, store_id, code, name) values (:org, :id, :store, :code, :name)")
              .bind("org", org)
              .bind("id", id)
              .bind("store", store)
              .bind("code", code(code))
              .bind("name", required(name, "name"))
              .execute();
          insertEnrollment(h, org, id, enrollment);
          Audit.record(h, org, id, null, "TERMINAL_CREATED", code);
        });
    return new NewTerminal(id, enrollment);
  }

  /** Cuts a terminal off at once: its credential stops working on the next request. */
  public void revokeTerminal(UUID org, UUID terminal) {
    jdbi.useTransaction(
        h -> {
          h.createUpdate(
                  "update terminal set revoked_at = now() where organisation_id = :org and id = :id")
              .bind("org", org)
              .bind("id", terminal)
              .execute();
          Audit.record(h, org, terminal, null, "TERMINAL_REVOKED", null);
        });
    changed.accept(Invalidations.Topic.AUTH);
  }

  /**
   * An employee with their PIN; refused (409) when another active employee of the organisation has
   * the same PIN, since a PIN alone signs its employee in (ADR 0021).
   */
  public UUID createEmployee(UUID org, String name, Role role, String pin) {
    UUID id = UUID.randomUUID();
    String hash = pins.hash(pin);
    jdbi.useTransaction(
        h ->
            h.createUpdate(
                    "insert into employee (organisation_id, id, name, role, pin_hash, pin_lookup)"
                        + " values (:org, :id, :name, :role, :hash, :lookup)")
                .bind("org", org)
                .bind("id", id)
                .bind("name", required(name, "name"))
                .bind("role", role.name())
                .bind("hash", hash)
                .bind("lookup", PinLookup.unique(h, org, null, pin))
                .execute());
    return id;
  }

  public void putTaxClass(UUID org, String code, String label, BigDecimal rate) {
    jdbi.useTransaction(
        h -> {
          CatalogWriter writer = new CatalogWriter(h, org);
          writer.putTaxClass(required(code, "code"), label, rate);
          writer.flush();
        });
    changed.accept(Invalidations.Topic.CATALOG);
  }

  public void putItem(UUID org, ItemDto item) {
    jdbi.useTransaction(
        h -> {
          CatalogWriter writer = new CatalogWriter(h, org);
          writer.putItem(item);
          writer.flush();
        });
    changed.accept(Invalidations.Topic.CATALOG);
  }

  /**
   * Changes an item's price (minor units); {@code item} is its id or SKU. The tills hear of it
   * within seconds (ADR 0028). Answers the item's id.
   */
  public String setPrice(UUID org, String item, long price) {
    if (price < 0) {
      throw new IllegalArgumentException("A price is 0 or more minor units: " + price);
    }
    String id =
        jdbi.inTransaction(
            h ->
                new CatalogWriter(h, org)
                    .setPrice(required(item, "item"), price)
                    .orElseThrow(
                        () ->
                            new IllegalArgumentException(
                                "No item with id or SKU " + item + " in organisation " + org)));
    changed.accept(Invalidations.Topic.CATALOG);
    return id;
  }

  /**
   * Sets the lowest and highest price (minor units, null for no limit on that side) an open-price
   * item may be sold at; {@code item} is its id or SKU. The tills hear of it within seconds (ADR
   * 0028). Answers the item's id.
   */
  public String setPriceLimits(UUID org, String item, Long min, Long max) {
    if ((min != null && min <= 0) || (max != null && max <= 0)) {
      throw new IllegalArgumentException("A price limit is above zero minor units");
    }
    if (min != null && max != null && min > max) {
      throw new IllegalArgumentException(
          "The lowest price " + min + " is above the highest " + max);
    }
    String id =
        jdbi.inTransaction(
            h -> {
              String key = required(item, "item");
              boolean open =
                  h.createQuery(
                          "select open_price from item where organisation_id = :org"
                              + " and (id = :item or sku = :item) order by id = :item desc limit 1")
                      .bind("org", org)
                      .bind("item", key)
                      .mapTo(Boolean.class)
                      .findOne()
                      .orElseThrow(() -> noItem(org, key));
              if (!open) {
                throw new IllegalArgumentException(
                    "Item " + key + " has a fixed price: only an open-price item takes limits");
              }
              return new CatalogWriter(h, org)
                  .setPriceLimits(key, min, max)
                  .orElseThrow(() -> noItem(org, key));
            });
    changed.accept(Invalidations.Topic.CATALOG);
    return id;
  }

  private static IllegalArgumentException noItem(UUID org, String item) {
    return new IllegalArgumentException(
        "No item with id or SKU " + item + " in organisation " + org);
  }

  /** The store's identity on receipts and its label layouts (ADR 0030). */
  public StoreSetup stores() {
    return new StoreSetup(jdbi, changed);
  }

  /** Modifier groups and the items offering them (ADR 0043). */
  public ModifierAdmin modifiers() {
    return new ModifierAdmin(jdbi, changed);
  }

  /** The stores' stock: counts and adjustments (ADR 0032). */
  public StockAdmin stock() {
    return new StockAdmin(jdbi);
  }

  /** Employees: dismissing one, changing a PIN. */
  public StaffAdmin staff() {
    return new StaffAdmin(jdbi, pins, changed);
  }

  private static String required(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    return value.trim();
  }

  private static String code(String value) {
    if (value == null || !value.matches("[A-Za-z0-9]{1,16}")) {
      throw new IllegalArgumentException("A code is 1 to 16 letters or digits: " + value);
    }
    return value;
  }
}
