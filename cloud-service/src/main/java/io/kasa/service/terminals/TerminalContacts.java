package io.kasa.service.terminals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Jdbi;

/**
 * When each till was last in contact, and what it last said of itself (ADR 0045): the entries its
 * outbox still held ({@code Kasa-Unsent}) and its software's version ({@code Kasa-Version}),
 * headers it sends with every request, its health probe included. Recorded in {@code
 * terminal_contact}, at most every {@link #EVERY} per till unless what it reports changes the way
 * an owner must see at once (entries waiting or none, another version). A header that is not as
 * documented is ignored: what a till reports about itself never refuses its work.
 */
public final class TerminalContacts {

  /** How often a till's contact is written while nothing it reports changes. */
  public static final Duration EVERY = Duration.ofSeconds(30);

  /** The header a till reports its unsent outbox entries in. */
  public static final String UNSENT = io.kasa.api.Headers.UNSENT;

  /** The header a till reports its software's version in. */
  public static final String VERSION = io.kasa.api.Headers.VERSION;

  private static final Pattern VERSION_TEXT = Pattern.compile("[A-Za-z0-9._+~-]{1,40}");
  private static final Pattern COUNT = Pattern.compile("[0-9]{1,12}");

  /** What was last written for a till, by this process. */
  private record Written(Instant at, Long unsent, String version) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Map<UUID, Written> written = new ConcurrentHashMap<>();

  public TerminalContacts(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
  }

  /** The unsent count of a {@link #UNSENT} header, or null when absent or not a count. */
  public static Long unsent(String header) {
    return header != null && COUNT.matcher(header.trim()).matches()
        ? Long.valueOf(header.trim())
        : null;
  }

  /** The version of a {@link #VERSION} header, or null when absent or not a version. */
  public static String version(String header) {
    return header != null && VERSION_TEXT.matcher(header.trim()).matches() ? header.trim() : null;
  }

  /**
   * Whether a contact from {@code terminal} reporting these would be written now; a caller that
   * must do work to learn who is calling (the health probe) asks first.
   */
  public boolean due(UUID terminal, Long unsent, String version) {
    Written last = written.get(terminal);
    if (last == null) {
      return true;
    }
    if (!clock.instant().isBefore(last.at().plus(EVERY))) {
      return true;
    }
    boolean waitingChanged =
        unsent != null && (last.unsent() == null || (unsent == 0) != (last.unsent() == 0));
    boolean versionChanged = version != null && !Objects.equals(version, last.version());
    return waitingChanged || versionChanged;
  }

  /**
   * Records that {@code terminal} of {@code organisation} was in contact now, with what it reported
   * (null: not reported, the last report kept).
   */
  public void seen(UUID organisation, UUID terminal, Long unsent, String version) {
    if (!due(terminal, unsent, version)) {
      return;
    }
    Instant now = clock.instant();
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    "insert into terminal_contact (organisation_id, terminal_id, last_contact_at,"
                        + " unsent_entries, app_version) values (:org, :t, :at, :unsent, :version)"
                        + " on conflict (organisation_id, terminal_id) do update set"
                        + " last_contact_at = greatest(terminal_contact.last_contact_at,"
                        + " excluded.last_contact_at),"
                        + " unsent_entries = coalesce(excluded.unsent_entries,"
                        + " terminal_contact.unsent_entries),"
                        + " app_version = coalesce(excluded.app_version, terminal_contact.app_version)")
                .bind("org", organisation)
                .bind("t", terminal)
                .bind("at", now.atOffset(ZoneOffset.UTC))
                .bind("unsent", unsent)
                .bind("version", version)
                .execute());
    written.compute(
        terminal,
        (id, last) ->
            new Written(
                now,
                unsent != null ? unsent : last == null ? null : last.unsent(),
                version != null ? version : last == null ? null : last.version()));
  }

  /** Forgets what was written for {@code terminal}, so its next contact is written at once. */
  void forget(UUID terminal) {
    written.remove(terminal);
  }
}
