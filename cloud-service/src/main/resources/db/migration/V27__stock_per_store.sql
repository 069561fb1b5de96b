-- Stock per store (ADR 0032). The ledger of V5 was the organisation's; a chain keeps goods in each
-- shop, so every movement now names its store and why it happened. A store's stock of an item is the
-- sum of its movements there; a count is appended as the difference to what was counted.
alter table stock_movement
  add column store_id      uuid,
  add column reason        text,
  add column counted       numeric(16, 3),
  add column note          text,
  add column terminal_id   uuid,
  add column employee_id   uuid,
  add column adjustment_id uuid,
  add column request_hash  bytea;

-- Sales took stock where they were made; refunds gave it back where they were made; the moves of a
-- post-void are the positive ones of a sale (a sale only ever takes).
update stock_movement m set store_id = s.store_id,
       reason = case when m.delta > 0 then 'VOID' else 'SALE' end
  from sale s
 where m.refund_id is null and s.organisation_id = m.organisation_id and s.id = m.sale_id;
update stock_movement m set store_id = t.store_id, reason = 'REFUND'
  from refund r join terminal t on t.organisation_id = r.organisation_id and t.id = r.terminal_id
 where r.organisation_id = m.organisation_id and r.id = m.refund_id;

-- The organisation's counted stock (item.stock) goes to its first store, as a correction the
-- movements list shows; an organisation without a store had nowhere to keep it.
insert into stock_movement (organisation_id, store_id, item_id, delta, reason, note)
select i.organisation_id, f.id, i.id, i.stock, 'CORRECTION',
       'Stock kept for the whole organisation before stock per store'
  from item i
  join lateral (select s.id from store s where s.organisation_id = i.organisation_id
                 order by s.created_at, s.code limit 1) f on true
 where i.stock <> 0;

alter table stock_movement
  alter column store_id set not null,
  alter column reason set not null,
  add constraint stock_movement_reason
    check (reason in ('SALE', 'REFUND', 'VOID', 'COUNT', 'DAMAGE', 'THEFT', 'RECEIVED', 'CORRECTION')),
  add constraint stock_movement_store
    foreign key (organisation_id, store_id) references store (organisation_id, id);

-- An adjustment made through the API is recorded once by its Idempotency-Key.
create unique index stock_movement_adjustment_once on stock_movement (organisation_id, adjustment_id)
  where adjustment_id is not null;
drop index stock_movement_by_item;
create index stock_movement_by_store_item on stock_movement (organisation_id, store_id, item_id, id);

drop view item_stock;
alter table item drop column stock;

create view item_stock as
  select s.organisation_id, s.id as store_id, i.id as item_id,
         coalesce((select sum(m.delta) from stock_movement m
                   where m.organisation_id = s.organisation_id and m.store_id = s.id
                     and m.item_id = i.id), 0) as stock
  from store s join item i on i.organisation_id = s.organisation_id;
