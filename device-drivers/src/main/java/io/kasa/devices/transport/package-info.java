/**
 * Transports move bytes to and from a device and nothing else: serial (jSerialComm), USB (javax.usb
 * / usb4java), raw TCP, device files and in-process simulators, chosen by {@link
 * io.kasa.devices.DeviceUri}. {@link io.kasa.devices.transport.DeviceConnection} adds unplug
 * detection and reopening with backoff.
 */
package io.kasa.devices.transport;
