/**
 * Sales: recomputed with pos-domain, card tenders authorised through a payment processor, stored
 * atomically and exactly once per sale id.
 */
package io.kasa.service.sales;
