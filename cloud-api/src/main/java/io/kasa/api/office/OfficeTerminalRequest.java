package io.kasa.api.office;

/**
 * A terminal to create in the back office.
 *
 * @param storeId the store it belongs to, one the account may see
 * @param code its code, 1 to 16 letters or digits, unique in the store (part of its receipt
 *     numbers)
 * @param name its name, 1 to 60 characters
 */
public record OfficeTerminalRequest(String storeId, String code, String name) {}
