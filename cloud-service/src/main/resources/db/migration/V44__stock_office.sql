-- The back office's Stock screen (issue 22, ADR 0050).
--
-- A reorder level per store and item: at or below it the item is low at that store. No row is no
-- level (the item is never listed as low there). Set and cleared by an owner or a manager.
create table stock_reorder_level (
  organisation_id uuid not null,
  store_id        uuid not null,
  item_id         text not null,
  level           numeric(16, 3) not null check (level >= 0 and level <= 1000000),
  set_at          timestamptz not null default now(),
  set_by          uuid,
  primary key (organisation_id, store_id, item_id),
  foreign key (organisation_id, store_id) references store (organisation_id, id),
  foreign key (organisation_id, item_id) references item (organisation_id, id)
);

-- An adjustment made in the back office names the account that made it (the movements list says
-- who); a till's names its employee, an admin command neither.
alter table stock_movement add column office_account_id uuid;

-- The levels page reads each item's movements at the store through stock_movement_by_store_item
-- (V27) and its low filter walks this table's primary key: no other index is needed.
