package io.kasa.api.terminal;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Everything a terminal caches to work without the service: its store's rules and the staff who may
 * sign in on it.
 *
 * @param terminalId the calling terminal
 * @param terminalCode its code within the store, used in receipt numbers (e.g. {@code T1})
 * @param terminalName its display name
 * @param store the store's rules
 * @param staff the active employees, with the verifiers of their PINs
 * @param discountLimits how far each role may discount alone, in percent as a decimal string by
 *     role ({@link DiscountLimits}); null in a configuration cached before limits existed
 */
public record TerminalConfig(
    UUID terminalId,
    String terminalCode,
    String terminalName,
    StoreSettings store,
    List<StaffMember> staff,
    Map<String, String> discountLimits) {}
