/** The {@code kasa-devices} command-line tool; the only package of the module that prints. */
package io.kasa.devices.cli;
