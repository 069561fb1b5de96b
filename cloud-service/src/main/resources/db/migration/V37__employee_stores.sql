-- The stores an employee works at (ADR 0044). An employee of every store (all_stores, as every
-- employee was before) signs in at any till of the organisation; otherwise only at the tills of the
-- stores listed in employee_store. A till's staff list (its offline PIN verifiers) holds only the
-- employees of its store, so what a store's tills keep moves on when its list changes.
alter table employee add column all_stores boolean not null default true;

create table employee_store (
  organisation_id uuid not null,
  employee_id     uuid not null,
  store_id        uuid not null,
  primary key (organisation_id, employee_id, store_id),
  foreign key (organisation_id, employee_id) references employee (organisation_id, id) on delete cascade,
  foreign key (organisation_id, store_id) references store (organisation_id, id) on delete cascade
);
create index employee_store_by_store on employee_store (organisation_id, store_id);

-- Every store hears an employee's change of all_stores, as it hears their name, role, PIN and
-- whether they are active (V21).
drop trigger employee_feed_update on employee;
create trigger employee_feed_update after update of name, role, pin_hash, active, all_stores on employee
  for each row when (old.name is distinct from new.name or old.role is distinct from new.role
    or old.pin_hash is distinct from new.pin_hash or old.active is distinct from new.active
    or old.all_stores is distinct from new.all_stores)
  execute function kasa_feed_employee();

-- A store added to or taken from an employee's list: that store's tills hear it.
create function kasa_feed_employee_store() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform kasa_feed_changed(old.organisation_id, old.store_id);
  else
    perform kasa_feed_changed(new.organisation_id, new.store_id);
  end if;
  return null;
end
$$;
create trigger employee_store_feed after insert or delete on employee_store
  for each row execute function kasa_feed_employee_store();

-- Where an employee may sign in is what the service's kept sign-ins depend on (ADR 0016).
create trigger employee_store_changed after insert or update or delete or truncate on employee_store
  for each statement execute function kasa_notify_change('kasa_auth');
