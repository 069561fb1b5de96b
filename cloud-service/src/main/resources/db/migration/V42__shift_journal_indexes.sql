-- The back office's Shifts screen (issue 22, ADR 0049): an organisation's shifts newest first, or
-- one store's or one till's, a page at a time from a keyset cursor (opened_at, id). Each reads its
-- page from the end of its index and stops, however many shifts the history holds; a shift's
-- figures read its till's sales by time (V31) and its cash movements by shift (V31).
create index shift_by_opened on shift (organisation_id, opened_at, id);
create index shift_by_store_opened on shift (organisation_id, store_id, opened_at, id);
create index shift_by_terminal_opened on shift (organisation_id, terminal_id, opened_at, id);
