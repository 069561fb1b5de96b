package io.kasa.service.floor;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * What the kitchen's bumps tell the waitlist (ADR 0055): which seated tables the kitchen is done
 * with, and how long tables stay once it is, learned from the checks paid after their last bump.
 */
final class KitchenTurns {

  /**
   * How long a table stays after its kitchen's last bump, until some of the store's checks have
   * been paid after theirs to learn it from.
   */
  static final Duration DEFAULT_AFTER_BUMP = Duration.ofMinutes(20);

  private KitchenTurns() {}

  /**
   * The tables whose open check was sent to the kitchen and whose every ticket has been bumped,
   * with the last bump: the kitchen is done with them (ADR 0055, for the waitlist's quotes).
   */
  static Map<UUID, Instant> doneTables(Handle h, UUID org, UUID store, Instant now) {
    Map<UUID, Instant> done = new HashMap<>();
    h.createQuery(
            "select c.table_id, max(b.bumped_at) as last_bump from floor_event e"
                + " join dining_check c on c.organisation_id = e.organisation_id"
                + " and c.id = (e.body->'ticket'->>'checkId')::uuid"
                + " left join kitchen_bump b on b.organisation_id = e.organisation_id"
                + " and b.store_id = e.store_id and b.ticket_id = (e.body->'ticket'->>'id')::uuid"
                + " and b.line_id = :whole"
                + " where e.organisation_id = :org and e.store_id = :store"
                + " and e.body->>'kind' in ('KITCHEN_TICKET', 'KITCHEN_VOID')"
                + " and e.body->>'kind' = 'KITCHEN_TICKET' and e.at > :since"
                + " and c.state in ('OPEN', 'PREBILLED')"
                + " group by c.table_id having count(b.ticket_id) = count(*)")
        .bind("org", org)
        .bind("store", store)
        .bind("whole", KitchenScreen.WHOLE)
        .bind("since", Timestamp.from(now.minus(KitchenScreen.OPEN_FOR)))
        .mapToMap()
        .forEach(
            r -> done.put((UUID) r.get("table_id"), ((Timestamp) r.get("last_bump")).toInstant()));
    return done;
  }

  /**
   * How long tables stayed after their kitchen's last bump: the mean from the last bump of a
   * check's tickets to its payment, over the checks paid after theirs in the log's week; {@link
   * #DEFAULT_AFTER_BUMP} while there are none.
   */
  static Duration afterBump(Handle h, UUID org, UUID store, Instant now) {
    Double seconds =
        h.createQuery(
                "select avg(extract(epoch from c.closed_at - x.last_bump)) from (select"
                    + " (e.body->'ticket'->>'checkId')::uuid as check_id, max(b.bumped_at) as"
                    + " last_bump from floor_event e join kitchen_bump b on b.organisation_id ="
                    + " e.organisation_id and b.store_id = e.store_id"
                    + " and b.ticket_id = (e.body->'ticket'->>'id')::uuid and b.line_id = :whole"
                    + " where e.organisation_id = :org and e.store_id = :store"
                    + " and e.body->>'kind' in ('KITCHEN_TICKET', 'KITCHEN_VOID')"
                    + " and e.body->>'kind' = 'KITCHEN_TICKET' and e.at > :since group by 1) x"
                    + " join dining_check c on c.organisation_id = :org and c.id = x.check_id"
                    + " where c.state = 'PAID' and c.closed_at > x.last_bump")
            .bind("org", org)
            .bind("store", store)
            .bind("whole", KitchenScreen.WHOLE)
            .bind("since", Timestamp.from(now.minus(Duration.ofDays(7))))
            .mapTo(Double.class)
            .findOne()
            .orElse(null);
    return seconds == null ? DEFAULT_AFTER_BUMP : Duration.ofSeconds(Math.round(seconds));
  }
}
