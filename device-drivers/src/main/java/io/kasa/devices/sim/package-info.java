/**
 * Simulated devices: a virtual printer that decodes the ESC/POS it receives back into text lines,
 * cuts, drawer kicks, barcodes and images; a virtual drawer; a virtual scanner. Used by the demo
 * mode, the register's on-screen receipt preview and the tests.
 */
package io.kasa.devices.sim;
