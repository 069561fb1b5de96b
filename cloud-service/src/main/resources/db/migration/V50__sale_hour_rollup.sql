-- Each store's closed hours added up once (ADR 0042, amended): the back office's Today reads the
-- roll-ups of the day's closed hours, and of last week's day, plus the live rows of the current
-- hour, instead of every sale row of both days on every refresh (issue 22 point 7).
-- A row is one local hour of the store (hour_start: its first instant; an hour is an hour long)
-- over the sales of the store's tills that are not voided: their count, total and change given,
-- and in parts: {"terminals": {id: [count, total]}, "employees": {id: [count, total]},
-- "tenders": {type: [count, amount]}, "items": {id: [name, quantity, amount]}}.
-- Filled lazily by Today for hours that have ended, under an exclusive advisory lock of the
-- organisation ("<org>/sale-hour"); the sale statement and a post-void take that lock shared and
-- delete the roll-up of the hour their sale was paid in when it covers that time, so a late offline
-- sale or a void is never left out. Created empty: no backfill, the sale table is not touched.
create table sale_hour (
  organisation_id uuid not null,
  store_id uuid not null,
  hour_start timestamptz not null,
  sales bigint not null check (sales >= 0),
  total bigint not null,
  change_given bigint not null,
  parts jsonb not null check (jsonb_typeof(parts) = 'object'),
  -- What the row adds up ends here: the hour's end once it has ended; for the hour still open, a
  -- few seconds before the read that made it (the rows since are read live).
  covered_to timestamptz not null,
  rolled_up_at timestamptz not null default now(),
  primary key (organisation_id, store_id, hour_start),
  foreign key (organisation_id, store_id) references store (organisation_id, id)
);
