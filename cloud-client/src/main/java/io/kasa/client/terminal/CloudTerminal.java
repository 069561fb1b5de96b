package io.kasa.client.terminal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.auth.SessionResponse;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.SaleRequests;
import io.kasa.api.terminal.StaffMember;
import io.kasa.api.terminal.StoreSettings;
import io.kasa.api.terminal.TerminalConfig;
import io.kasa.client.http.CloudClient;
import io.kasa.client.http.CloudClientConfig;
import io.kasa.client.http.CloudProblemException;
import io.kasa.client.http.CloudUnreachableException;
import io.kasa.client.http.Credentials;
import io.kasa.client.store.CatalogReplica;
import io.kasa.client.store.LocalSettings;
import io.kasa.client.store.LocalStore;
import io.kasa.client.store.Outbox;
import io.kasa.client.store.ReceiptSequence;
import io.kasa.client.store.TerminalIdentity;
import io.kasa.client.store.TerminalSettings;
import io.kasa.client.sync.ChangeFeed;
import io.kasa.client.sync.SyncEngine;
import io.kasa.client.sync.SyncStatus;
import io.kasa.domain.money.Money;
import io.kasa.domain.receipt.ReceiptNumber;
import io.kasa.domain.sale.Sale;
import io.kasa.domain.sale.SalePolicy;
import io.kasa.domain.tax.TaxMode;
import io.kasa.domain.tax.TaxPolicy;
import io.kasa.domain.tax.TaxRounding;
import io.kasa.domain.tender.CashRounding;
import io.kasa.domain.tender.Tender;
import io.kasa.domain.tender.TenderType;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Currency;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * One terminal's side of the cloud: its local database, its credential, its configuration and
 * staff, its catalogue replica, and the outbox with the engine that drains it. What the register
 * records goes into the outbox in one local transaction before anything is confirmed; the engine
 * delivers it in order, exactly once, whenever the service can be reached.
 */
public final class CloudTerminal implements AutoCloseable {

  /** Entries the outbox carries, by kind. */
  public static final String SALE = "SALE";

  public static final String SHIFT_CLOSE = "SHIFT_CLOSE";

  public static final String REFUND = "REFUND";

  /** Outbox kind: a check paid by a sale. */
  public static final String CHECK_SETTLE = "CHECK_SETTLE";

  private static final String SERVICE_URL = "service-url";

  private final LocalStore store;
  private final TerminalIdentity identity;
  private final TerminalSettings settings;
  private final io.kasa.client.store.CartJournal carts;
  private final LocalSettings local;
  private final Outbox outbox;
  private final AuditTrail audit;
  private final OfflineSignIn offlineSignIn;
  private final OfflineCards offlineCards;
  private final io.kasa.client.sync.JournalArchiver archiver;
  private final Clock clock;
  private final ObjectMapper json = CloudClient.mapper();
  private final Function<URI, CloudClientConfig> clientConfig;
  private final Credentials credentials = Credentials.none();
  private final TerminalShifts shifts = new TerminalShifts(this);
  private final TerminalReturns returns = new TerminalReturns(this);
  private final TerminalUpdates updates;
  private final java.util.List<Runnable> updateListeners =
      new java.util.concurrent.CopyOnWriteArrayList<>();
  private CloudClient client;
  private SyncEngine engine;
  private ChangeFeed feed;
  private CatalogReplica catalog;

  private CloudTerminal(
      LocalStore store, Path dir, Clock clock, Function<URI, CloudClientConfig> clientConfig) {
    this.store = store;
    this.clock = clock;
    this.clientConfig = clientConfig;
    this.identity = TerminalIdentity.open(store, dir);
    this.settings = new TerminalSettings(store, json, clock);
    this.carts = new io.kasa.client.store.CartJournal(store, clock);
    this.local = new LocalSettings(store);
    this.outbox = new Outbox(store, clock);
    // Each request tells the service how much is still to send (the back office shows it); a
    // delivery does not count the entry it carries, so a till caught up says 0 as it catches up.
    credentials.unsent(
        () -> Math.max(0, outbox.stats().unsent() - (SyncEngine.delivering() ? 1 : 0)));
    this.audit = new AuditTrail(outbox, json, clock);
    this.offlineSignIn = new OfflineSignIn(store, settings, audit, clock);
    this.offlineCards = new OfflineCards(store);
    this.updates = new TerminalUpdates(store, settings, this::client, this::catalog, clock);
    this.archiver =
        new io.kasa.client.sync.JournalArchiver(
            new io.kasa.client.store.JournalArchive(store, clock),
            this::journalRetentionDays,
            outbox::sinceLastAppend,
            clock,
            io.kasa.client.sync.JournalArchiver.Timing.register());
  }

  /** The store's journal retention in days, or null before the terminal has its configuration. */
  private Integer journalRetentionDays() {
    return settings
        .config()
        .map(
            c ->
                c.store().journalRetentionDays() == null
                    ? io.kasa.client.sync.JournalArchiver.DEFAULT_RETENTION_DAYS
                    : c.store().journalRetentionDays())
        .orElse(null);
  }

  /**
   * Opens the terminal whose data is in {@code dir}; an enrolled terminal starts draining its
   * outbox at once. {@code clientConfig} makes the HTTP settings for a service URL (e.g. {@link
   * CloudClientConfig#defaults}).
   */
  public static CloudTerminal open(
      Path dir, Clock clock, Function<URI, CloudClientConfig> clientConfig) {
    LocalStore store = LocalStore.open(dir);
    CloudTerminal t = new CloudTerminal(store, dir, clock, clientConfig);
    // The journal's old history moves to its archive on its own while the till is idle (ADR 0037).
    t.archiver.start();
    Optional<String> url = t.local.get(SERVICE_URL);
    Optional<String> credential = t.identity.credential();
    if (url.isPresent() && credential.isPresent()) {
      t.credentials.terminal(credential.get());
      t.connect(URI.create(url.get()));
      t.follow();
    }
    return t;
  }

  /**
   * The software's version, reported with every request to the service so the back office shows
   * which version each till runs (ADR 0045); null reports none.
   */
  public void reportVersion(String version) {
    credentials.version(version);
  }

  public boolean enrolled() {
    return client != null;
  }

  /**
   * Enrolls with a one-time code, keeps the sealed credential and the service URL, and fetches the
   * configuration and the catalogue.
   */
  public synchronized TerminalConfig enroll(URI service, String code, String deviceName) {
    return enroll(service, code, deviceName, applied -> {});
  }

  /**
   * As {@link #enroll(URI, String, String)}, with the catalogue's progress as a count.
   *
   * <p>Every try of a code goes under that code's Idempotency-Key, made at its first try and kept
   * in the local store: when the service enrolled this terminal but its answer was lost, trying the
   * same code again — after a timeout, another code mistyped in between, or a restart — gets the
   * same credential, within 15 minutes of the first answer (ADR 0018).
   */
  public synchronized TerminalConfig enroll(
      URI service, String code, String deviceName, java.util.function.LongConsumer progress) {
    if (enrolled()) {
      throw new IllegalStateException("This terminal is already enrolled");
    }
    if (code == null || code.isBlank()) {
      throw new IllegalArgumentException("An enrollment code is required");
    }
    CloudClient c = new CloudClient(clientConfig.apply(service), credentials);
    try {
      c.enroll(code, deviceName, new EnrollmentKeys(local).of(code));
    } catch (RuntimeException e) {
      c.close();
      credentials.terminal(null);
      throw e;
    }
    identity.credential(credentials.terminal());
    local.put(SERVICE_URL, service.toString());
    c.close();
    connect(service);
    TerminalConfig config = refreshConfig();
    updates.syncCatalog(progress);
    follow();
    return config;
  }

  /**
   * Follows the store's changes from now on (ADR 0028): prices, items, staff, PINs and the store's
   * rules are applied within seconds while online, and caught up at start and on reconnection.
   */
  private void follow() {
    feed =
        new ChangeFeed(
            after -> client.terminalChanges(after < 0 ? null : after),
            updates::apply,
            updates,
            clock,
            updates::currentAt);
    feed.listen(() -> updateListeners.forEach(Runnable::run));
    feed.start();
  }

  /** Told, on the feed's thread, after every change from the service has been applied. */
  public void onUpdate(Runnable listener) {
    updateListeners.add(listener);
  }

  /**
   * When this till was last known to hold everything the service has (now, while its change stream
   * is open); null when never. The register shows the catalogue's age from it.
   */
  public Instant currentAt() {
    return feed == null ? null : feed.currentAt();
  }

  private void connect(URI service) {
    client = new CloudClient(clientConfig.apply(service), credentials);
    engine =
        new SyncEngine(
            outbox,
            client::postJson,
            clock,
            Duration.ofMillis(500),
            Duration.ofSeconds(10),
            new SecureRandom());
    engine.probing(client::healthy, Duration.ofSeconds(15));
  }

  /** Fetches and caches the store's rules and the staff. */
  public TerminalConfig refreshConfig() {
    return updates.refreshConfig();
  }

  /** The configuration last fetched. */
  public TerminalConfig config() {
    return settings
        .config()
        .orElseThrow(() -> new IllegalStateException("No configuration yet: enroll first"));
  }

  /** Brings the catalogue replica up to date; returns the number of items applied. */
  public long syncCatalog() {
    return updates.syncCatalog(applied -> {});
  }

  public synchronized CatalogReplica catalog() {
    if (catalog == null) {
      catalog = new CatalogReplica(store, Currency.getInstance(config().store().currency()));
    }
    return catalog;
  }

  /** The rules sales follow: the store's tax mode and rounding, the catalogue's tax rates. */
  public SalePolicy salePolicy() {
    StoreSettings s = config().store();
    Currency currency = Currency.getInstance(s.currency());
    return SalePolicy.of(
        currency,
        new TaxPolicy(
            TaxMode.valueOf(s.taxMode()),
            TaxRounding.valueOf(s.taxRounding()),
            RoundingMode.HALF_UP,
            catalog().taxRates()),
        CashRounding.to(Money.of(s.cashIncrement(), currency)));
  }

  /** How a sign-in went. */
  public record SignIn(StaffMember employee, boolean offline) {}

  /**
   * Signs an employee in: by the service when it answers, else against the cached verifiers. With
   * {@code employee} null the PIN alone names its employee (ADR 0021). A wrong PIN or a lockout is
   * a {@link SignInRefused}.
   */
  public SignIn signIn(UUID employee, String pin) {
    try {
      SessionResponse session = client().signIn(employee == null ? null : employee.toString(), pin);
      UUID who = UUID.fromString(session.employeeId());
      StaffMember member =
          settings
              .staffMember(who)
              .map(TerminalSettings.CachedStaff::member)
              .orElse(new StaffMember(who, session.name(), session.role(), ""));
      return new SignIn(member, false);
    } catch (CloudProblemException e) {
      throw new SignInRefused(
          switch (e.status()) {
            case 423 -> SignInRefused.Reason.LOCKED_OUT;
            // The PIN alone names several employees (shared before PINs had to be unique).
            case 409 -> SignInRefused.Reason.UNKNOWN_EMPLOYEE;
            default -> SignInRefused.Reason.WRONG_PIN;
          },
          e.problem().detail());
    } catch (CloudUnreachableException e) {
      OfflineSignIn.Outcome outcome =
          employee == null ? offlineSignIn.checkAlone(pin) : offlineSignIn.check(employee, pin);
      if (outcome instanceof OfflineSignIn.SignedIn s) {
        return new SignIn(s.employee(), true);
      }
      if (outcome instanceof OfflineSignIn.WrongPin w) {
        throw new SignInRefused(
            SignInRefused.Reason.WRONG_PIN, "Wrong PIN; " + w.attemptsLeft() + " tries left");
      }
      if (outcome instanceof OfflineSignIn.LockedOut l) {
        throw new SignInRefused(SignInRefused.Reason.LOCKED_OUT, "Locked out until " + l.until());
      }
      throw new SignInRefused(
          SignInRefused.Reason.UNKNOWN_EMPLOYEE, "This employee cannot sign in here while offline");
    }
  }

  /** Ends the session on the service, if it can be reached. */
  public void signOut() {
    try {
      client().signOut();
    } catch (CloudUnreachableException | CloudProblemException e) {
      credentials.session(null);
    }
  }

  /** What became of a card presented at the register. */
  public sealed interface CardOutcome {
    /** Approved by the processor: the sale carries the tender with this code. */
    record Approved(String authorisation) implements CardOutcome {}

    /** Declined by the processor, with its reason: ask for another card or tender. */
    record Declined(String reason) implements CardOutcome {}

    /** The processor did not answer; nothing was charged. */
    record NoAnswer(String detail) implements CardOutcome {}

    /** The service could not be reached: the offline card rules decide. */
    record Offline(OfflineCards.Decision decision) implements CardOutcome {}
  }

  /**
   * Authorises a card tender of {@code amount} (minor units) for sale {@code saleId} while the
   * customer waits. The sale later delivered carries the same tender id and token, and the
   * processor gives it the same answer.
   */
  public CardOutcome authoriseCard(UUID saleId, UUID tenderId, long amount, String token) {
    try {
      var answer =
          client()
              .authoriseCard(
                  new io.kasa.api.sales.CardAuthorisationRequest(tenderId, saleId, amount, token));
      return answer.approved()
          ? new CardOutcome.Approved(answer.authorisation())
          : new CardOutcome.Declined(answer.reason());
    } catch (CloudProblemException e) {
      if (e.status() == 504) {
        return new CardOutcome.NoAnswer(e.problem().detail());
      }
      throw e;
    } catch (CloudUnreachableException e) {
      return new CardOutcome.Offline(offlineCard(amount));
    }
  }

  /** Whether a card of {@code amount} may be taken offline now, and if not, why. */
  public OfflineCards.Decision offlineCard(long amount) {
    Instant contact = latest(engine.lastContact(), outbox.lastAcknowledgedAt());
    return offlineCards.check(config().store().offlineCards(), amount, contact, clock.instant());
  }

  /**
   * Journals a paid sale: its receipt number is taken, its receipt token made, the request written
   * to the outbox and its offline card payments recorded, all in one local transaction; then the
   * engine is woken. When this returns, the sale survives any crash and will reach the service
   * exactly once.
   */
  public SaleRequest recordSale(
      Sale sale, UUID employee, Map<UUID, String> cardTokens, boolean offline, UUID approvalId) {
    TerminalConfig config = config();
    SaleRequest request =
        store.inTransaction(
            c -> {
              ReceiptNumber number =
                  ReceiptSequence.next(c, config.store().code(), config.terminalCode());
              // The receipt's page token is made here, with the sale (ADR 0041): an offline sale
              // prints its QR at once, and the service gets the same token when it is delivered.
              SaleRequest r =
                  SaleRequests.of(sale, number, cardTokens, offline, approvalId)
                      .withReceiptToken(io.kasa.api.sales.ReceiptTokens.next());
              outbox.append(c, sale.id(), SALE, "/v1/sales", write(r), employee);
              for (Tender t : sale.tenders()) {
                if (offline && t.type() == TenderType.CARD) {
                  offlineCards.record(c, sale.id(), t.id(), t.charged().minor(), clock.instant());
                }
              }
              return r;
            });
    engine.wake();
    return request;
  }

  /** A local setting of this terminal (its devices, …), if set. */
  public Optional<String> setting(String name) {
    return local.get(name);
  }

  public void setting(String name, String value) {
    local.put(name, value);
  }

  /** The shift on this terminal: open, cash movements, X report, close. */
  public TerminalShifts shifts() {
    return shifts;
  }

  /** Sales in progress on this terminal: each employee's open cart and the parked sales. */
  public io.kasa.client.store.CartJournal carts() {
    return carts;
  }

  /** Returns against this terminal's journal. */
  public TerminalReturns returns() {
    return returns;
  }

  // --- for the terminal's parts (shifts, returns)

  LocalStore store() {
    return store;
  }

  LocalSettings local() {
    return local;
  }

  AuditTrail audit() {
    return audit;
  }

  SyncEngine engine() {
    return engine;
  }

  Clock clock() {
    return clock;
  }

  ObjectMapper json() {
    return json;
  }

  <T> T read(String body, Class<T> type) {
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("An unreadable journal entry", e);
    }
  }

  /** The outbox entries not yet delivered, which closing a shift wants to be none. */
  public long unsynced() {
    return outbox.stats().unsent();
  }

  /**
   * Queues a sensitive action done at the register for the service's audit log (one of {@link
   * io.kasa.api.terminal.AuditEventRequest#ACTIONS}, e.g. a receipt reprinted).
   */
  public void recordAudit(String action, UUID employee, String detail) {
    store.inTransaction(
        c -> {
          audit.record(c, action, employee, detail);
          return null;
        });
    engine.wake();
  }

  /**
   * Journals work other than a sale (a shift opened, cash in or out, a refund) for {@code
   * employee}, in one local transaction, and wakes the engine.
   */
  public void journal(UUID id, String kind, String path, Object body, UUID employee) {
    outbox.append(id, kind, path, write(body), employee);
    engine.wake();
  }

  /** Follows the store's floor live, from the cached floor while the service is out of reach. */
  public io.kasa.client.floor.LiveFloor liveFloor() {
    return new io.kasa.client.floor.LiveFloor(client(), local);
  }

  /** What this terminal printed for each kitchen station (ADR 0053), kept in its local store. */
  public io.kasa.client.kitchen.KitchenCursor kitchenCursor() {
    return new io.kasa.client.kitchen.KitchenCursor(store);
  }

  /**
   * Marks a check paid by a sale journalled with {@link #recordSale}: queued behind the sale in the
   * outbox, so it reaches the service after it, exactly once.
   */
  public void settleCheck(UUID checkId, UUID saleId, UUID employee) {
    UUID id =
        UUID.nameUUIDFromBytes(
            (checkId + "/settle/" + saleId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    journal(
        id,
        CHECK_SETTLE,
        "/v1/checks/" + checkId + "/settle",
        new io.kasa.api.floor.SettleRequest(saleId),
        employee);
  }

  static boolean isManager(StaffMember m) {
    return "MANAGER".equals(m.role()) || "ADMIN".equals(m.role());
  }

  /**
   * A manager's approval of a price lowered beyond the store's limit: {@code approvalId} from the
   * service (spent by the sale), or none when it was checked on the terminal because the service
   * could not be reached — the sale is then recorded as offline and the service audits the
   * override.
   */
  public record PriceApproval(UUID approvalId, UUID managerId) {
    public boolean offline() {
      return approvalId == null;
    }
  }

  /** Gets a manager's approval for a price override, from the service or, offline, here. */
  public PriceApproval approvePriceOverride(ManagerOverride manager) {
    try {
      var answer =
          client()
              .approve(
                  new io.kasa.api.auth.ApprovalRequest(
                      "PRICE_OVERRIDE", manager.managerId().toString(), manager.pin()));
      return new PriceApproval(answer.id(), manager.managerId());
    } catch (CloudProblemException e) {
      if (e.status() == 401) {
        // No session (signed in offline), or a wrong manager PIN: the cached verifier decides,
        // as when the service is away.
        return new PriceApproval(null, verifyManager(manager).id());
      }
      throw new SignInRefused(
          e.status() == 423
              ? SignInRefused.Reason.LOCKED_OUT
              : e.status() == 403
                  ? SignInRefused.Reason.NOT_A_MANAGER
                  : SignInRefused.Reason.WRONG_PIN,
          e.problem().detail());
    } catch (CloudUnreachableException e) {
      return new PriceApproval(null, verifyManager(manager).id());
    }
  }

  /**
   * A manager lets the register leave kiosk mode: the PIN is checked here (it must work when the
   * service is away) and the exit is queued for the audit log. Answers the manager's id.
   */
  public UUID leaveKiosk(ManagerOverride manager) {
    StaffMember m = verifyManager(manager);
    recordAudit("KIOSK_EXIT", m.id(), "Kiosk mode left by " + m.name());
    return m.id();
  }

  /** A manager's PIN given at the terminal to allow something the rules would refuse. */
  public record ManagerOverride(UUID managerId, String pin) {}

  /**
   * A manager's PIN for a discount beyond the signed-in employee's limit, checked here so that it
   * works offline too; the sale names the manager and the service audits the discount against the
   * store's limits (ADR 0033). Answers the manager, whose role gives their own limit.
   */
  public StaffMember approveDiscount(ManagerOverride manager) {
    return verifyManager(manager);
  }

  /**
   * The manager who approves: {@code manager}'s PIN checked here, or {@code employee} when they are
   * one; otherwise refused, saying what {@code needs} a manager.
   */
  UUID managerFor(UUID employee, ManagerOverride manager, String needs) {
    if (manager != null) {
      return verifyManager(manager).id();
    }
    if (settings.staffMember(employee).map(s -> isManager(s.member())).orElse(false)) {
      return employee;
    }
    throw new SignInRefused(SignInRefused.Reason.NOT_A_MANAGER, needs + " needs a manager");
  }

  StaffMember verifyManager(ManagerOverride o) {
    OfflineSignIn.Outcome outcome = offlineSignIn.check(o.managerId(), o.pin());
    if (!(outcome instanceof OfflineSignIn.SignedIn s)) {
      throw new SignInRefused(
          outcome instanceof OfflineSignIn.LockedOut
              ? SignInRefused.Reason.LOCKED_OUT
              : SignInRefused.Reason.WRONG_PIN,
          "The manager's PIN was not accepted");
    }
    if (!isManager(s.employee())) {
      throw new SignInRefused(
          SignInRefused.Reason.NOT_A_MANAGER, s.employee().name() + " is not a manager");
    }
    return s.employee();
  }

  /** Drains the outbox on the caller's thread; answers how many entries got an answer. */
  public int syncNow() {
    return engine.drain();
  }

  public SyncStatus status() {
    return engine.status();
  }

  public Outbox outbox() {
    return outbox;
  }

  /** What moves the journal's old history into its archive, on its own while the till is idle. */
  public io.kasa.client.sync.JournalArchiver archiver() {
    return archiver;
  }

  public TerminalSettings settings() {
    return settings;
  }

  public CloudClient client() {
    if (client == null) {
      throw new IllegalStateException("Not enrolled");
    }
    return client;
  }

  String write(Object body) {
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Instant latest(Instant a, Instant b) {
    return a == null ? b : b == null ? a : a.isAfter(b) ? a : b;
  }

  @Override
  public void close() {
    archiver.close();
    if (feed != null) {
      feed.close();
    }
    if (engine != null) {
      engine.close();
    }
    if (client != null) {
      client.close();
    }
    store.close();
  }
}
