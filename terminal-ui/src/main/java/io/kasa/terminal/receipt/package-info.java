/**
 * Receipt words and copies: the PDF of a printed receipt (with a font that covers Ukrainian and ₴)
 * and the payments as the screen lists them, in the receipt's words.
 */
package io.kasa.terminal.receipt;
