/** The catalogue: writes that record every change, delta sync by cursor, CSV import. */
package io.kasa.service.catalog;
