/**
 * The kitchen (ADR 0053): a store's stations and the routes that send items to them, and the
 * tickets a check's send produces for each station, delivered on the store's durable event stream.
 */
package io.kasa.api.kitchen;
