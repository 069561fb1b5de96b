-- What a till keeps of its store (catalogue, prices, tax classes, staff and their PIN verifiers, the
-- store's rules) has a version per store: every change a till must hear of moves it on, in the
-- change's own transaction, and notifies kasa_feed with 'org/store' (ADR 0028). Triggers do it, so
-- every process that changes these rows is heard: the service, the admin commands, an operator's
-- SQL. The row's lock, held to commit, makes a store's versions commit in order.
create table terminal_feed (
  organisation_id uuid not null,
  store_id        uuid not null,
  version         bigint not null,
  changed_at      timestamptz not null default now(),
  primary key (organisation_id, store_id),
  foreign key (organisation_id, store_id) references store (organisation_id, id) on delete cascade
);

-- Moves on the version of the organisation's stores (or only `one`), in store order so that two
-- writers never take two stores' rows in opposite orders.
create function kasa_feed_changed(org uuid, one uuid) returns void language plpgsql as $$
declare
  s uuid;
begin
  for s in select id from store where organisation_id = org and (one is null or id = one) order by id
  loop
    insert into terminal_feed (organisation_id, store_id, version) values (org, s, 1)
      on conflict (organisation_id, store_id)
      do update set version = terminal_feed.version + 1, changed_at = now();
    perform pg_notify('kasa_feed', org::text || '/' || s::text);
  end loop;
end
$$;

-- The catalogue (items, prices, barcodes, tax classes) is the organisation's: every store hears it.
-- Once per statement, so a 100,000-row import moves each store's version once per batch.
create function kasa_feed_catalog() returns trigger language plpgsql as $$
declare
  o uuid;
begin
  for o in select distinct organisation_id from added loop
    perform kasa_feed_changed(o, null);
  end loop;
  return null;
end
$$;
create trigger catalog_change_feed after insert on catalog_change
  referencing new table as added for each statement execute function kasa_feed_catalog();

-- Staff: a tills' sign-in list and offline PIN verifiers. Wrong PINs and PIN look-up keys change
-- other columns and are not news for a till.
create function kasa_feed_employee() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform kasa_feed_changed(old.organisation_id, null);
  else
    perform kasa_feed_changed(new.organisation_id, null);
  end if;
  return null;
end
$$;
create trigger employee_feed_insert after insert on employee
  for each row execute function kasa_feed_employee();
create trigger employee_feed_update after update of name, role, pin_hash, active on employee
  for each row when (old.name is distinct from new.name or old.role is distinct from new.role
    or old.pin_hash is distinct from new.pin_hash or old.active is distinct from new.active)
  execute function kasa_feed_employee();
create trigger employee_feed_delete after delete on employee
  for each row execute function kasa_feed_employee();

-- The store's own rules (tax mode, rounding, locale, offline cards, …): that store only.
create function kasa_feed_store() returns trigger language plpgsql as $$
begin
  perform kasa_feed_changed(new.organisation_id, new.id);
  return null;
end
$$;
create trigger store_feed after update on store
  for each row when (old is distinct from new) execute function kasa_feed_store();

-- A terminal's code and name are in its configuration (receipt numbers, the about box).
create function kasa_feed_terminal() returns trigger language plpgsql as $$
begin
  perform kasa_feed_changed(new.organisation_id, new.store_id);
  return null;
end
$$;
create trigger terminal_feed_names after update of code, name on terminal
  for each row when (old.code is distinct from new.code or old.name is distinct from new.name)
  execute function kasa_feed_terminal();
