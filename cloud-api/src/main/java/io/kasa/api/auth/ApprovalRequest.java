package io.kasa.api.auth;

/**
 * A manager approving an action on the terminal by PIN ({@code POST /v1/approvals}). The approval
 * is then spent by the request that needs it, once.
 *
 * @param action what is approved: {@code PRICE_OVERRIDE} (a price lowered beyond the store's limit)
 * @param managerId the approving manager
 * @param pin the manager's PIN (never stored or logged)
 */
public record ApprovalRequest(String action, String managerId, String pin) {}
