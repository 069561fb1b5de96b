package io.kasa.api.office;

import java.util.List;

/**
 * A back-office account.
 *
 * @param id the account
 * @param organisationId its organisation
 * @param organisationName the organisation's name
 * @param email its email
 * @param role owner, manager or accountant
 * @param stores the stores it may see, or null for all
 * @param language uk or en, or null for the browser's
 * @param totp whether signing in asks for a TOTP code
 */
public record OfficeAccountDto(
    String id,
    String organisationId,
    String organisationName,
    String email,
    String role,
    List<String> stores,
    String language,
    boolean totp) {}
