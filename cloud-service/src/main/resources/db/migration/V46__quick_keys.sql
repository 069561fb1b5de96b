-- The register's quick-key layout, one per store (ADR 0052): its pages (category buttons) in order,
-- each with its keys (items) in order. Changed only through QuickKeysOffice, which bumps `version`
-- (a save names the version it edited: a stale one is refused) and records a QUICK_KEYS change
-- keyed by the store in catalog_change, so the store's tills fetch it with their catalogue changes.
create table quick_key_layout (
  organisation_id uuid not null,
  store_id        uuid not null,
  version         bigint not null,
  changed_at      timestamptz not null default now(),
  primary key (organisation_id, store_id),
  foreign key (organisation_id, store_id) references store (organisation_id, id) on delete cascade
);

create table quick_key_page (
  organisation_id uuid not null,
  store_id        uuid not null,
  position        integer not null,
  title           text not null,
  primary key (organisation_id, store_id, position),
  foreign key (organisation_id, store_id) references quick_key_layout (organisation_id, store_id)
    on delete cascade
);

create table quick_key (
  organisation_id uuid not null,
  store_id        uuid not null,
  page            integer not null,
  position        integer not null,
  item_id         text not null,
  primary key (organisation_id, store_id, page, position),
  foreign key (organisation_id, store_id, page)
    references quick_key_page (organisation_id, store_id, position) on delete cascade,
  foreign key (organisation_id, item_id) references item (organisation_id, id)
);

-- A layout is a change of the catalogue the tills fetch (key: the store's id). Existing rows are
-- all ITEM or TAX_CLASS: the wider check need not read them.
alter table catalog_change drop constraint catalog_change_kind_check;
alter table catalog_change add constraint catalog_change_kind_check
  check (kind in ('ITEM', 'TAX_CLASS', 'QUICK_KEYS')) not valid;
