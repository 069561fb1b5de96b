-- How long a till's cash drawer may stand open before the till raises an alert and audits it
-- (issue 20, point 2). A store setting, so every till of the store says the same; the store's
-- update trigger (V21) tells the tills at once.
alter table store
  add column drawer_left_open_seconds integer not null default 60
    check (drawer_left_open_seconds between 10 and 3600);
