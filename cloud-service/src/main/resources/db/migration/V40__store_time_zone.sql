-- The back office's Today screen (issue 22, ADR 0042).
-- A store's day begins at midnight where the store is: its IANA time zone, Kyiv's until set.
alter table store add column time_zone text not null default 'Europe/Kyiv'
  check (char_length(time_zone) between 1 and 64);

-- Today's figures read a store's tills (the terminal table's unique (organisation, store, code)),
-- their last contact (terminal_contact, V38), their sales by the time they were paid
-- (sale_by_terminal_paid, V31) and their refunds by the time they were recorded
-- (refund_by_terminal_recorded): no new index is needed.
