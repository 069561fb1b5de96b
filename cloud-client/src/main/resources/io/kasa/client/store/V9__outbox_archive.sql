-- The journal's archive (ADR 0037): acknowledged entries older than the store's retention move out
-- of the outbox into this table, in the same database file, a few hundred per transaction. Nothing
-- is lost: an entry leaves the outbox only when it is in the archive exactly as it was, and the
-- archive keeps it for good. The tally (V8) is untouched: archived entries still count as
-- acknowledged. The terminal reads the two tables together (union all), each through its indexes.
create table outbox_archive (
  seq            integer primary key,         -- its place in line in the outbox, kept
  id             text not null unique,
  kind           text not null,
  path           text not null,
  body           text not null,
  state          text not null check (state = 'ACKNOWLEDGED'),
  attempts       integer not null,
  last_error     text,
  response       text,
  created_at     text not null,
  updated_at     text not null,
  employee_id    text,
  receipt_number text,
  sale_id        text,
  archived_at    text not null
);
create index outbox_archive_receipt on outbox_archive (receipt_number)
  where receipt_number is not null;
create index outbox_archive_sale on outbox_archive (sale_id) where sale_id is not null;

-- Only an acknowledged entry of the outbox goes in, as it is there.
create trigger outbox_archive_as_it_was
before insert on outbox_archive
when not exists (
  select 1 from outbox o
   where o.seq = new.seq and o.id = new.id and o.kind = new.kind and o.path = new.path
     and o.body = new.body and o.state = 'ACKNOWLEDGED' and new.state = 'ACKNOWLEDGED'
     and o.attempts = new.attempts and o.last_error is new.last_error
     and o.response is new.response and o.created_at = new.created_at
     and o.updated_at = new.updated_at and o.employee_id is new.employee_id
     and o.receipt_number is new.receipt_number and o.sale_id is new.sale_id)
begin
  select raise(abort, 'only acknowledged outbox entries are archived, as they are');
end;

create trigger outbox_archive_fixed
before update on outbox_archive
begin
  select raise(abort, 'archived outbox entries never change');
end;

create trigger outbox_archive_kept
before delete on outbox_archive
begin
  select raise(abort, 'archived outbox entries are never deleted');
end;

-- "Never deleted" becomes "never deleted unless already archived unchanged".
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
     and a.sale_id is old.sale_id)
begin
  select raise(abort, 'outbox entries are never deleted, only archived');
end;

-- An entry's id is its Idempotency-Key: used once, whether the entry is archived or not.
create trigger outbox_id_once
before insert on outbox
when exists (select 1 from outbox_archive a where a.id = new.id)
begin
  select raise(abort, 'UNIQUE constraint failed: outbox.id (archived)');
end;

-- An offline card payment names its sale's entry, which may now be in either table: the foreign
-- key to the outbox (V4) becomes a check when the payment is recorded, with its sale, in the outbox.
create table offline_card_v9 (
  tender_id  text primary key,
  outbox_id  text not null,
  amount     integer not null check (amount > 0),
  created_at text not null
);
insert into offline_card_v9 (tender_id, outbox_id, amount, created_at)
select tender_id, outbox_id, amount, created_at from offline_card;
drop table offline_card;
alter table offline_card_v9 rename to offline_card;
create index offline_card_outbox on offline_card (outbox_id);
create trigger offline_card_of_an_entry
before insert on offline_card
when not exists (select 1 from outbox o where o.id = new.outbox_id)
begin
  select raise(abort, 'FOREIGN KEY constraint failed: offline_card.outbox_id');
end;
