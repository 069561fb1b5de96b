/**
 * The printer service: one queue per printer on its own thread, real-time status from {@code DLE
 * EOT 1–4}, jobs that wait out paper-out, cover-open and unplugging and then resume or fail with
 * the reason.
 */
package io.kasa.devices.printer;
