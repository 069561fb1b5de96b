package io.kasa.service.staff;

import java.util.UUID;

/**
 * A store as the staff screen names it.
 *
 * @param id the store
 * @param code its short code
 * @param name its name
 */
public record StoreRef(UUID id, String code, String name) {}
