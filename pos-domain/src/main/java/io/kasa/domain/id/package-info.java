/** Identifiers a terminal makes for what it records: sales, tenders. */
package io.kasa.domain.id;
