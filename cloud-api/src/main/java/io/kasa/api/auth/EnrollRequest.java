package io.kasa.api.auth;

/**
 * Turns a one-time enrollment code into a terminal credential.
 *
 * @param code the code an administrator created for this terminal
 * @param deviceName how the terminal calls itself (host name), for the back office
 */
public record EnrollRequest(String code, String deviceName) {}
