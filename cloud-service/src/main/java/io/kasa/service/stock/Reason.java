package io.kasa.service.stock;

import java.math.BigDecimal;
import java.util.Locale;

/** Why someone changed a store's stock by hand; sales, refunds and voids move it on their own. */
public enum Reason {
  /** A stock-take: what was counted on the shelf replaces what the ledger held. */
  COUNT,
  /** Goods broken or spoilt: stock goes down. */
  DAMAGE,
  /** Goods missing: stock goes down. */
  THEFT,
  /** A delivery: stock goes up. */
  RECEIVED,
  /** A mistake put right, either way. */
  CORRECTION;

  /** The reason named {@code text}, whatever its case. */
  public static Reason of(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException | NullPointerException e) {
      throw new IllegalArgumentException(
          "The reason is COUNT, DAMAGE, THEFT, RECEIVED or CORRECTION, not " + text);
    }
  }

  /**
   * Why {@code change} does not fit this reason, or null when it does: damage and theft take away,
   * a delivery brings, a correction moves either way but moves.
   */
  String refusal(BigDecimal change) {
    return switch (this) {
      case DAMAGE, THEFT ->
          change.signum() < 0 ? null : name() + " takes stock away: a negative change, e.g. -2";
      case RECEIVED -> change.signum() > 0 ? null : "RECEIVED brings stock: a positive change";
      case CORRECTION -> change.signum() != 0 ? null : "A correction changes the stock";
      case COUNT -> "A count gives the quantity counted, not a change";
    };
  }
}
