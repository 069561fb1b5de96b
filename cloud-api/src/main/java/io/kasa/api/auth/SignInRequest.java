package io.kasa.api.auth;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An employee signing in on an enrolled terminal.
 *
 * @param employeeId the employee whose name was chosen first, or null: the PIN alone then names its
 *     employee, PINs being unique within an organisation (ADR 0021)
 * @param pin the PIN typed (never stored or logged)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignInRequest(String employeeId, String pin) {}
