package io.kasa.api.terminal;

import java.time.Instant;
import java.util.Map;

/**
 * A terminal's device set-up, backed up to the service ({@code PUT /v1/terminal/devices}) so a
 * replacement terminal can restore it ({@code GET}).
 *
 * @param settings the device settings by name (printer-uri, printer-profile, drawer-pin, …); at
 *     most 100, names of 1 to 64 characters [a-z0-9.-], values up to 500 characters
 * @param version the version the change was made on (null the first time); answered with the new
 *     one
 * @param updatedAt when it was last backed up (in answers)
 */
public record DeviceSetup(Map<String, String> settings, Long version, Instant updatedAt) {}
