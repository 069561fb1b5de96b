-- Day 365 as fast as day 1 (issue 24, ADR 0038). The service-scale benchmark found daily paths that
-- reached a growing table through only the leading columns of another index (or none), so that
-- they read a terminal's or the organisation's whole history: the shift's X and Z reports (a
-- terminal's sales, refunds, tenders and payouts in the shift's hours, its cash movements), a
-- sale's refunds for a return, a post-void's stock moves, and a price change by SKU. Each gets the index it names.

-- The shift report: a terminal's sales and refunds by time, then their tenders and payouts.
create index sale_by_terminal_paid on sale (organisation_id, terminal_id, paid_at);
create index refund_by_terminal_recorded on refund (organisation_id, terminal_id, recorded_at);
create index tender_by_sale on tender (organisation_id, sale_id);
create index refund_payout_by_refund on refund_payout (organisation_id, refund_id);
create index cash_movement_by_shift on cash_movement (organisation_id, shift_id);

-- A sale's refunds, for a return and for the next refund's checks; a sale's stock moves, which a
-- post-void gives back.
create index refund_by_sale on refund (organisation_id, sale_id);
create index stock_movement_by_sale on stock_movement (organisation_id, sale_id)
  where sale_id is not null;

-- An item named by its SKU (the admin's price and limit changes take an id or a SKU).
create index item_by_sku on item (organisation_id, sku);
