/** The register assembled: the window, its screens, the wiring of cloud client and devices. */
package io.kasa.terminal.app;
