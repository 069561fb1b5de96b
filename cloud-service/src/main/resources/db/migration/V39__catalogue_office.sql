-- The back office's catalogue screen (ADR 0046).
--
-- Where each till is in the catalogue: the cursor after the last page of catalogue changes the
-- service handed it (GET /v1/catalog/changes). A till applies each page as it fetches it (one
-- transaction with the cursor it leads to), so a change whose sequence number is at or below a
-- till's cursor has reached that till's register. The screen shows a price change as "applied on 2
-- of 3 tills" from it.
create table terminal_catalog_position (
  organisation_id uuid not null,
  terminal_id     uuid not null,
  cursor          bigint not null,
  at              timestamptz not null default now(),
  primary key (organisation_id, terminal_id),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
    on delete cascade
);

-- An item's last change (which tills have it) without reading the organisation's whole history.
create index catalog_change_by_key on catalog_change (organisation_id, key, seq);

-- The screen's category filter: the distinct categories by a loose index scan, not a read of every
-- item, and the items of one category in id order.
create index item_by_category on item (organisation_id, category, id);
