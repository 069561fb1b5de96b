-- Catalogue changes in commit order per organisation: writers hold a per-organisation advisory
-- lock for their whole transaction, so within an organisation sequence order is commit order and a
-- reader paging by sequence never skips a change that commits later with a smaller number.
create table catalog_change (
  seq             bigserial primary key,
  organisation_id uuid not null references organisation (id),
  kind            text not null check (kind in ('ITEM', 'TAX_CLASS')),
  key             text not null,
  changed_at      timestamptz not null default now()
);
create index catalog_change_by_org on catalog_change (organisation_id, seq);
