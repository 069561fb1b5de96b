/** The catalogue as terminals sync it: items, tax classes, delta changes by cursor. */
package io.kasa.api.catalog;
