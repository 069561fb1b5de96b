-- What each sale sold of each item, carried by the sale (ADR 0042, amended; as V43's tallies for
-- the shift reports): the back office's Today adds up the day's top items from the day's sale
-- rows alone, which lie together at the table's end, instead of descending sale_line's primary key
-- once per sale (a random leaf page each: 97 ms for 600 sales at 1,000,000, issue 22 point 7).
-- Written by the sale's own statement from the lines it writes (SaleTallies). Null for the sales
-- recorded before this migration, whose lines Today still joins; no backfill, no table rewrite.
alter table sale add column item_sums jsonb
  check (item_sums is null or jsonb_typeof(item_sums) = 'array');
