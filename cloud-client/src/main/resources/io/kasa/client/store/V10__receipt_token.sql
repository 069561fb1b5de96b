-- The token of a sale's public receipt page (ADR 0041), as a look-up key of its own: the returns
-- screen finds the sale whose receipt QR code was scanned through this partial index, however long
-- the journal. New entries get it from their body when appended (Outbox.append); sales journalled
-- before tokens have none.
alter table outbox add column receipt_token text;
update outbox
   set receipt_token = json_extract(body, '$.receiptToken')
 where kind = 'SALE' and json_valid(body) and json_extract(body, '$.receiptToken') is not null;
create index outbox_receipt_token on outbox (receipt_token) where receipt_token is not null;

-- The archive (V9) keeps the same key, so a sale archived after its retention is still found by
-- the QR of its receipt; an entry moves there, and leaves the outbox, only with its token unchanged.
alter table outbox_archive add column receipt_token text;
create index outbox_archive_receipt_token on outbox_archive (receipt_token)
  where receipt_token is not null;
drop trigger outbox_archive_as_it_was;
create trigger outbox_archive_as_it_was
before insert on outbox_archive
when not exists (
  select 1 from outbox o
   where o.seq = new.seq and o.id = new.id and o.kind = new.kind and o.path = new.path
     and o.body = new.body and o.state = 'ACKNOWLEDGED' and new.state = 'ACKNOWLEDGED'
     and o.attempts = new.attempts and o.last_error is new.last_error
     and o.response is new.response and o.created_at = new.created_at
     and o.updated_at = new.updated_at and o.employee_id is new.employee_id
     and o.receipt_number is new.receipt_number and o.sale_id is new.sale_id
     and o.receipt_token is new.receipt_token)
begin
  select raise(abort, 'only acknowledged outbox entries are archived, as they are');
end;
drop trigger outbox_never_deleted;
create trigger outbox_never_deleted
before delete on outbox
when not exists (
  select 1 from outbox_archive a
   where a.seq = old.seq and a.id = old.id and a.kind = old.kind and a.path = old.path
     and a.body = old.body and a.state = old.state and a.attempts = old.attempts
     and a.last_error is old.last_error and a.response is old.response
     and a.created_at = old.created_at and a.updated_at = old.updated_at
     and a.employee_id is old.employee_id and a.receipt_number is old.receipt_number
     and a.sale_id is old.sale_id and a.receipt_token is old.receipt_token)
begin
  select raise(abort, 'outbox entries are never deleted, only archived');
end;
