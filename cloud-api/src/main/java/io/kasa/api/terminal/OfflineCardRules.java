package io.kasa.api.terminal;

/**
 * Store-and-forward: cards taken while the service cannot be reached are authorised when the
 * terminal reconnects, at the store's risk, so the store bounds that risk.
 *
 * @param allowed whether cards are taken offline at all
 * @param perSaleLimit the largest card amount in one offline sale, in minor units
 * @param totalLimit the most the terminal may hold in unsent offline card payments, in minor units
 * @param windowMinutes for how long after the last contact with the service cards are still taken
 */
public record OfflineCardRules(
    boolean allowed, long perSaleLimit, long totalLimit, int windowMinutes) {

  /** No cards without the service. */
  public static OfflineCardRules none() {
    return new OfflineCardRules(false, 0, 0, 0);
  }
}
