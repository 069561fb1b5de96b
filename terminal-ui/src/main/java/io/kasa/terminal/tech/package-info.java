/**
 * The technician's screen: attached ports and USB devices (hot-plug), the device set-up of each
 * role, test buttons, the diagnostics log, the NV logo, and backing the set-up up to the service.
 */
package io.kasa.terminal.tech;
