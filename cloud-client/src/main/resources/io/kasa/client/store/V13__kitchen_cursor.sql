-- What this terminal printed for each kitchen station it prints for (ADR 0053): the last event of
-- the store's kitchen stream printed, and the event it is printing now. A row with a "printing"
-- event after a crash means its bytes may or may not have reached the paper: it is printed again,
-- marked as a repeat.
create table kitchen_cursor (
  station        text primary key,
  last_event     integer not null,
  printing_event integer
);
