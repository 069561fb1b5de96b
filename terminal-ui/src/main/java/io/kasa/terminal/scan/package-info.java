/** Keyboard-wedge scanners told apart from typing, whatever has focus. */
package io.kasa.terminal.scan;
