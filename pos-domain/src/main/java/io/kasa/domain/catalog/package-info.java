/** Catalogue items as the sale engine sees them. */
package io.kasa.domain.catalog;
