/** Sales and refunds as terminals submit them. */
package io.kasa.api.sales;
