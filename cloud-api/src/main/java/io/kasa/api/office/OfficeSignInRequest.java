package io.kasa.api.office;

/**
 * A back-office sign-in.
 *
 * @param email the account's email
 * @param password its password
 * @param code the six-digit TOTP code, for an account that has turned it on, else null
 */
public record OfficeSignInRequest(String email, String password, String code) {}
