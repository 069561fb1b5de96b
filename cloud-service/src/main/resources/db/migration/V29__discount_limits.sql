-- How far each role may discount alone in a store, in percent of the line or the sale (ADR 0033).
-- Rows are only ever added: a sale is checked against the limits in force when it was paid, which
-- for a till that was offline may be older than the newest. A role with no row has its default
-- (cashiers 10 %, managers and admins 50 %, others none).
create table discount_limit (
  organisation_id uuid not null,
  store_id        uuid not null,
  role            text not null check (role in ('CASHIER', 'MANAGER', 'HOST', 'TECHNICIAN', 'ADMIN')),
  percent         numeric(5, 2) not null check (percent >= 0 and percent <= 100),
  effective_from  timestamptz not null default now(),
  id              bigint generated always as identity,
  primary key (organisation_id, store_id, role, id),
  foreign key (organisation_id, store_id) references store (organisation_id, id) on delete cascade
);

-- A new limit is news for the store's tills (ADR 0028): it is in their configuration.
create function kasa_feed_discount_limit() returns trigger language plpgsql as $$
begin
  perform kasa_feed_changed(new.organisation_id, new.store_id);
  return null;
end
$$;
create trigger discount_limit_feed after insert on discount_limit
  for each row execute function kasa_feed_discount_limit();
