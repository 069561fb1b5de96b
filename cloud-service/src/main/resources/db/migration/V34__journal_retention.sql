-- How many days a till keeps acknowledged journal entries in its outbox before moving them to its
-- archive in the same database, where reprints and returns still find them (ADR 0037, issue 24).
-- A store setting, so every till of the store says the same; the store's update trigger (V21)
-- tells the tills at once. At least a week, so nothing recent moves; at most ten years.
alter table store
  add column journal_retention_days integer not null default 90
    check (journal_retention_days between 7 and 3650);
