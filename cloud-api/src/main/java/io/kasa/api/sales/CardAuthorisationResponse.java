package io.kasa.api.sales;

import java.util.UUID;

/**
 * The processor's answer to a card.
 *
 * @param tenderId the tender asked about
 * @param status APPROVED or DECLINED
 * @param authorisation the authorisation code when approved, else null
 * @param reason why it was declined, else null
 */
public record CardAuthorisationResponse(
    UUID tenderId, String status, String authorisation, String reason) {

  public boolean approved() {
    return "APPROVED".equals(status);
  }
}
