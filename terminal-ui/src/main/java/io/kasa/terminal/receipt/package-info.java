/**
 * Receipt words: the payments as the screen lists them, in the receipt's words (the PDF copy of a
 * printed receipt is drawn by receipt-pdf's {@code io.kasa.print.ReceiptPdf}).
 */
package io.kasa.terminal.receipt;
