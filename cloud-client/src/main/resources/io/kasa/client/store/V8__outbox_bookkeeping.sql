-- The journal stays flat (ADR 0037): what the register asks of the outbox on every sale is answered
-- from small indexes and a tally kept in the same transaction as each change, never by reading the
-- whole history, however many entries the terminal has kept.

-- The look-up keys of an entry as columns of their own, indexed: the receipt number it carries (a
-- sale's or a refund's) and the sale it is about (a sale's own id; a refund's or a settled check's
-- saleId). New entries get them from their body when appended; existing ones here, once.
alter table outbox add column receipt_number text;
alter table outbox add column sale_id text;
update outbox
   set receipt_number = json_extract(body, '$.receiptNumber'),
       sale_id = coalesce(json_extract(body, '$.saleId'), case when kind = 'SALE' then id end)
 where json_valid(body)
   and (kind = 'SALE'
        or json_extract(body, '$.receiptNumber') is not null
        or json_extract(body, '$.saleId') is not null);
create index outbox_receipt on outbox (receipt_number) where receipt_number is not null;
create index outbox_sale on outbox (sale_id) where sale_id is not null;

-- Entries still owed, in line (the next to send) and by age (the oldest unsent); the rejected ones,
-- for a person to look at. Each index holds only those entries, not the history.
drop index outbox_open;
create index outbox_unsent on outbox (seq) where state in ('PENDING', 'SENDING');
create index outbox_unsent_since on outbox (created_at) where state in ('PENDING', 'SENDING');
create index outbox_rejected on outbox (seq) where state = 'REJECTED';

-- Counts per kind and the last acknowledgement, kept by the triggers below in the transaction that
-- appends or moves an entry, so they can never disagree with the entries.
create table outbox_tally (
  kind                 text primary key,
  entries              integer not null default 0,
  unsent               integer not null default 0,   -- PENDING or SENDING
  acknowledged         integer not null default 0,
  rejected             integer not null default 0,
  last_acknowledged_at text                          -- updated_at of the latest acknowledgement
);
insert into outbox_tally (kind, entries, unsent, acknowledged, rejected)
select kind, count(*), sum(state in ('PENDING', 'SENDING')), sum(state = 'ACKNOWLEDGED'),
       sum(state = 'REJECTED')
  from outbox group by kind;
update outbox_tally
   set last_acknowledged_at =
       (select o.updated_at from outbox o
         where o.kind = outbox_tally.kind and o.state = 'ACKNOWLEDGED'
         order by julianday(o.updated_at) desc, o.seq desc limit 1);

create trigger outbox_tally_append
after insert on outbox
begin
  -- Not "insert or ignore": an outer "insert or replace" would override the ignore.
  insert into outbox_tally (kind)
  select new.kind where not exists (select 1 from outbox_tally where kind = new.kind);
  update outbox_tally
     set entries = entries + 1,
         unsent = unsent + (new.state in ('PENDING', 'SENDING')),
         acknowledged = acknowledged + (new.state = 'ACKNOWLEDGED'),
         rejected = rejected + (new.state = 'REJECTED'),
         last_acknowledged_at =
           case when new.state = 'ACKNOWLEDGED'
                 and (last_acknowledged_at is null
                      or julianday(new.updated_at) >= julianday(last_acknowledged_at))
                then new.updated_at else last_acknowledged_at end
   where kind = new.kind;
end;

create trigger outbox_tally_move
after update of state on outbox
begin
  update outbox_tally
     set unsent = unsent + (new.state in ('PENDING', 'SENDING')) - (old.state in ('PENDING', 'SENDING')),
         acknowledged = acknowledged + (new.state = 'ACKNOWLEDGED') - (old.state = 'ACKNOWLEDGED'),
         rejected = rejected + (new.state = 'REJECTED') - (old.state = 'REJECTED'),
         last_acknowledged_at =
           case when new.state = 'ACKNOWLEDGED'
                 and (last_acknowledged_at is null
                      or julianday(new.updated_at) >= julianday(last_acknowledged_at))
                then new.updated_at else last_acknowledged_at end
   where kind = new.kind;
end;

-- What an entry records never changes: its tally and its look-up keys depend on it.
create trigger outbox_entry_fixed
before update of id, kind, body on outbox
when new.id is not old.id or new.kind is not old.kind or new.body is not old.body
begin
  select raise(abort, 'outbox entries record what happened and never change');
end;
