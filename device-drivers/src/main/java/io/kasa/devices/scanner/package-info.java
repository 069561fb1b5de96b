/**
 * Barcode scanners: serial scanners with configurable framing, a keyboard-wedge decoder that tells
 * scans from typing by timing, and USB HID POS scanners. Every scan goes through pos-domain's
 * barcode parser and is published as a {@link io.kasa.devices.scanner.ScanEvent}.
 */
package io.kasa.devices.scanner;
