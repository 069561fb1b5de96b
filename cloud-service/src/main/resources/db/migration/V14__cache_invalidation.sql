-- The service keeps signed-in employees and the catalogue a sale needs in memory (ADR 0016).
-- Every change that could make what it keeps stale notifies a channel, from whatever process
-- makes it: the service, the admin commands, an operator's SQL. A row inserted cannot make a
-- kept entry stale (nothing is kept for what did not exist), except a tax class, which adds to
-- the store's rates; so inserts notify only there.
create function kasa_notify_change() returns trigger language plpgsql as $$
begin
  perform pg_notify(tg_argv[0], tg_table_name);
  return null;
end
$$;

create trigger terminal_changed after update or delete or truncate on terminal
  for each statement execute function kasa_notify_change('kasa_auth');
create trigger employee_changed after update or delete or truncate on employee
  for each statement execute function kasa_notify_change('kasa_auth');
create trigger employee_session_changed after update or delete or truncate on employee_session
  for each statement execute function kasa_notify_change('kasa_auth');

create trigger store_changed after update or delete or truncate on store
  for each statement execute function kasa_notify_change('kasa_catalog');
create trigger tax_class_changed after insert or update or delete or truncate on tax_class
  for each statement execute function kasa_notify_change('kasa_catalog');
create trigger item_changed after update or delete or truncate on item
  for each statement execute function kasa_notify_change('kasa_catalog');
