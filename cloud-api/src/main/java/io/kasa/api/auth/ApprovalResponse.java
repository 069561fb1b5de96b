package io.kasa.api.auth;

import java.time.Instant;
import java.util.UUID;

/**
 * A manager's approval, to be spent once before it expires.
 *
 * @param id put this in the request that needs the approval (e.g. a sale's {@code approvalId})
 * @param action what it approves
 * @param managerId who approved
 * @param expiresAt when it can no longer be spent by an online request
 */
public record ApprovalResponse(UUID id, String action, String managerId, Instant expiresAt) {}
