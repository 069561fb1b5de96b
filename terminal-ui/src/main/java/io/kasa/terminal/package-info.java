/**
 * The register: views and view models of the counter's screens, and the wiring of devices and the
 * cloud client. View models use {@code javafx.beans} and {@code javafx.collections} only; views are
 * built in code for touch.
 */
package io.kasa.terminal;
