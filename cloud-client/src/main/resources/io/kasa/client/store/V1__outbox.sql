-- What the terminal owes the service, in the order it happened. An entry is appended in the same
-- local transaction as what it records, before the cashier sees it done, and is never deleted.
create table outbox (
  seq          integer primary key autoincrement,
  id           text not null unique,      -- the Idempotency-Key: the UUID of what it creates
  kind         text not null,             -- SALE, REFUND, VOID, SHIFT_OPEN, CASH_MOVEMENT, SHIFT_CLOSE
  path         text not null,             -- where it is POSTed
  body         text not null,             -- the JSON request
  state        text not null default 'PENDING'
               check (state in ('PENDING', 'SENDING', 'ACKNOWLEDGED', 'REJECTED')),
  attempts     integer not null default 0,
  last_error   text,
  response     text,
  created_at   text not null,
  updated_at   text not null
);
create index outbox_open on outbox (state, seq) where state in ('PENDING', 'SENDING');

-- States only move forward: PENDING → SENDING → ACKNOWLEDGED or REJECTED. A SENDING entry found
-- after a crash is sent again as it is (the service answers a repeat once), never reset.
create trigger outbox_forward_only
before update of state on outbox
when (case new.state when 'PENDING' then 0 when 'SENDING' then 1 else 2 end)
   < (case old.state when 'PENDING' then 0 when 'SENDING' then 1 else 2 end)
   or (old.state in ('ACKNOWLEDGED', 'REJECTED') and new.state <> old.state)
begin
  select raise(abort, 'outbox states only move forward');
end;

create trigger outbox_never_deleted
before delete on outbox
begin
  select raise(abort, 'outbox entries are never deleted');
end;
