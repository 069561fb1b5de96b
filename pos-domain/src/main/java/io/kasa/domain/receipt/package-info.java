/**
 * A device-independent description of a receipt, built from a paid sale or a refund and the store's
 * profile, and a plain-text column layout of it. The ESC/POS driver and the PDF writer render it.
 */
package io.kasa.domain.receipt;
