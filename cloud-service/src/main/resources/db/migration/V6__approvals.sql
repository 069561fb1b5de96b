-- Manager approvals obtained by PIN on a terminal and spent by a sale (price overrides beyond the
-- store's limit). An approval is single use: used_by names the sale that spent it.
alter table store
  add column price_override_limit numeric(5, 2) not null default 10
    check (price_override_limit >= 0 and price_override_limit <= 100);

create table approval (
  organisation_id uuid not null,
  id              uuid not null,
  terminal_id     uuid not null,
  manager_id      uuid not null,
  action          text not null check (action in ('PRICE_OVERRIDE')),
  created_at      timestamptz not null,
  expires_at      timestamptz not null,
  used_by         uuid,
  primary key (organisation_id, id),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id),
  foreign key (organisation_id, manager_id) references employee (organisation_id, id)
);

alter table sale add column approved_by uuid;
