-- A paid sale voided by a manager before its shift closed (state VOIDED): it stays on record, is left
-- out of the shift's takings and counted as a void.
alter table sale
  add column voided_at   timestamptz,
  add column voided_by   uuid,
  add column void_reason text;
