/** Printer capability profiles, kept as data (JSON resources) rather than vendor branches. */
package io.kasa.devices.profile;
