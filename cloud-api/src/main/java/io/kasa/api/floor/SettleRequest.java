package io.kasa.api.floor;

import java.util.UUID;

/**
 * Marks a check paid by a sale recorded through {@code POST /v1/sales} ({@code POST
 * /v1/checks/{id}/settle}). The sale must hold exactly the check's items; the same sale again
 * answers the paid check.
 *
 * @param saleId the sale
 */
public record SettleRequest(UUID saleId) {}
