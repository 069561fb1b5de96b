/** Rules of a restaurant's floor: how long a party waits for a table. */
package io.kasa.domain.floor;
