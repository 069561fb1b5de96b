/**
 * ESC/POS encoding: bytes only, no I/O. Text goes through {@link
 * io.kasa.devices.escpos.TextEncoder} so that it is never printed in a code page that lacks its
 * characters.
 */
package io.kasa.devices.escpos;
