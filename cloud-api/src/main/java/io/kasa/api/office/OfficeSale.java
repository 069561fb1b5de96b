package io.kasa.api.office;

import io.kasa.api.sales.PublicReceipt;

/**
 * A sale in the back office: its row in the journal and its receipt as printed, with its refunds
 * and post-void.
 *
 * @param sale the journal's row
 * @param receipt the receipt as printed (its token null for a sale made without one)
 * @param pdf the path of its PDF (the signed-in account's, not the customer's)
 * @param customerPage the path of the customer's page {@code /r/{token}}, or null without a token
 */
public record OfficeSale(
    OfficeSaleRow sale, PublicReceipt receipt, String pdf, String customerPage) {}
