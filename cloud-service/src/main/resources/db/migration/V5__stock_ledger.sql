-- Stock moves are appended, not updated in place: popular items would otherwise make every sale
-- wait for the row lock of the sale before it. The stock of an item is its counted stock plus the
-- sum of its movements (view item_stock).
create table stock_movement (
  organisation_id uuid not null,
  id              bigserial,
  item_id         text not null,
  delta           numeric(16, 3) not null,
  sale_id         uuid,
  refund_id       uuid,
  at              timestamptz not null default now(),
  primary key (organisation_id, id)
);
create index stock_movement_by_item on stock_movement (organisation_id, item_id);

create view item_stock as
  select i.organisation_id, i.id as item_id,
         i.stock + coalesce((select sum(m.delta) from stock_movement m
                             where m.organisation_id = i.organisation_id and m.item_id = i.id), 0) as stock
  from item i;
