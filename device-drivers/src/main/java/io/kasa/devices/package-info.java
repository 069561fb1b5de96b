/**
 * Device drivers: receipt printers, cash drawers and barcode scanners over serial, USB, TCP, device
 * files and simulators. Encoding produces bytes; transports move them; printer differences are data
 * (profiles). No JavaFX and nothing of the cloud modules.
 */
package io.kasa.devices;
