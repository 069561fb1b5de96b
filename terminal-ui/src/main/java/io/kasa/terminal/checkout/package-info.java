/** Completing a sale: the journal first, then the drawer, the receipt and its copies. */
package io.kasa.terminal.checkout;
