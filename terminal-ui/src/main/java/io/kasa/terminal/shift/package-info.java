/**
 * The shift: open with a counted float, cash in and out, no-sale, X report, close with a blind
 * count.
 */
package io.kasa.terminal.shift;
