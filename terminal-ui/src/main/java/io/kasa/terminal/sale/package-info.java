/** The sale screen and payment: the cart, scanning, search, the keypad, tendering. */
package io.kasa.terminal.sale;
