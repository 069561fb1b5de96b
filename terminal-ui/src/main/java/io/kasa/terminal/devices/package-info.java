/** The register's attached devices: the receipt printer, with the drawer wired to it. */
package io.kasa.terminal.devices;
