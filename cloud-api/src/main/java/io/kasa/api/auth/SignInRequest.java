package io.kasa.api.auth;

/**
 * An employee signing in on an enrolled terminal.
 *
 * @param employeeId the employee whose tile was touched
 * @param pin the PIN typed (never stored or logged)
 */
public record SignInRequest(String employeeId, String pin) {}
