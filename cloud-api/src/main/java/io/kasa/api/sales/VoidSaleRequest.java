package io.kasa.api.sales;

/**
 * Voids a paid sale ({@code POST /v1/sales/{id}/void}) on the terminal that made it, while its
 * shift is still open: card payments are reversed, stock comes back, and the sale leaves the
 * shift's takings. A manager's decision: the signed-in employee is a manager, or a manager approves
 * with their id and PIN. Voiding a voided sale answers the same again.
 *
 * @param reason why
 * @param approvingManagerId a manager approving a cashier's void, or null
 * @param approvingManagerPin that manager's PIN, or null (never stored or logged)
 */
public record VoidSaleRequest(
    String reason, String approvingManagerId, String approvingManagerPin) {}
