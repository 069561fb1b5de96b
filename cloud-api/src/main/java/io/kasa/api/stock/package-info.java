/** A store's stock: levels, the movements behind them, and adjustments (ADR 0032). */
package io.kasa.api.stock;
