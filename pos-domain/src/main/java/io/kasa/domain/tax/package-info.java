/**
 * Tax rates per tax class, VAT-inclusive or exclusive, rounded per line or per receipt, with a
 * per-rate breakdown for the receipt.
 */
package io.kasa.domain.tax;
