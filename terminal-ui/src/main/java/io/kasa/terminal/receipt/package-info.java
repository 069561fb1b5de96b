/** Receipt copies: the PDF of a printed receipt, with a font that covers Ukrainian and ₴. */
package io.kasa.terminal.receipt;
