package io.kasa.api.sales;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A refund against a recorded sale ({@code POST /v1/refunds}, {@code Idempotency-Key} = {@code
 * id}). Refunds are a manager's decision: the signed-in employee must be a manager, or a manager
 * approves with their id and PIN (recorded as an override).
 *
 * @param id the refund's UUID, created on the terminal
 * @param saleId the original sale
 * @param receiptNumber the refund receipt's own number, from the terminal's sequence
 * @param lines what comes back
 * @param method ORIGINAL_TENDERS or CASH
 * @param reason why
 * @param at when
 * @param approvingManagerId a manager approving a cashier's refund, or null
 * @param approvingManagerPin that manager's PIN, or null (never stored or logged)
 */
public record RefundRequestDto(
    UUID id,
    UUID saleId,
    String receiptNumber,
    List<RefundLineDto> lines,
    String method,
    String reason,
    Instant at,
    String approvingManagerId,
    String approvingManagerPin) {}
