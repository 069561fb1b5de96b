-- The back office's sales journal (issue 22, ADR 0047): the organisation's sales newest first, or
-- one store's, a page at a time from a keyset cursor (paid_at, id). Each reads its page from the
-- index's end and stops; without them a page would sort a year of sales. A terminal's journal
-- walks sale_by_terminal_paid (V31), a receipt number the terminal's unique receipt numbers (V16).
create index sale_by_paid on sale (organisation_id, paid_at, id);
create index sale_by_store_paid on sale (organisation_id, store_id, paid_at, id);
