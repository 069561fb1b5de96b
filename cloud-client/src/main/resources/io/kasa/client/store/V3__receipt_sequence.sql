-- The last receipt number used per store and terminal codes. Taken in the same local transaction
-- as the sale it numbers, so numbers are gapless and never reused, online or offline.
create table receipt_sequence (
  store    text not null,
  terminal text not null,
  last     integer not null check (last >= 0),
  primary key (store, terminal)
);
