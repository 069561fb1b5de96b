/**
 * The sale: its lines, discounts, totals, tenders and refunds, moved through an explicit state
 * machine in which a paid sale never goes back.
 */
package io.kasa.domain.sale;
