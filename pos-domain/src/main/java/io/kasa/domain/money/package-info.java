/** Exact arithmetic values: money in minor units, percentages and quantities. */
package io.kasa.domain.money;
