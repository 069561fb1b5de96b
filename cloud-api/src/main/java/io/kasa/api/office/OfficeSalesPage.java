package io.kasa.api.office;

import java.util.List;

/**
 * A page of the back office's sales journal, newest first.
 *
 * @param sales the page's sales
 * @param next the cursor of the next (older) page, or null when this is the last
 */
public record OfficeSalesPage(List<OfficeSaleRow> sales, String next) {}
