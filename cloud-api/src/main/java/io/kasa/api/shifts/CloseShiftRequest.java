package io.kasa.api.shifts;

import java.time.Instant;

/**
 * Closes a shift with the cash counted. With a blind count the cashier did not see the expected
 * amount; either way over or short is recorded, never refused. Closing is a manager's action.
 *
 * @param counted the cash counted, minor units
 * @param blind whether the count was blind
 * @param at when
 * @param approvingManagerId a manager approving, or null
 * @param approvingManagerPin that manager's PIN, or null
 */
public record CloseShiftRequest(
    long counted,
    boolean blind,
    Instant at,
    String approvingManagerId,
    String approvingManagerPin) {}
