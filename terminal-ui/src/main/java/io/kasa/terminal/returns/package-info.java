/**
 * Returns: the original found by its receipt, lines and quantities chosen, refunded by a manager.
 */
package io.kasa.terminal.returns;
