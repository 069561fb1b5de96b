/** Discount limits per store and role, and the audit of every discount a sale carries. */
package io.kasa.service.discounts;
