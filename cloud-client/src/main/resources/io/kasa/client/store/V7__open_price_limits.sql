-- The lowest and highest price an open-price item may be sold at, in minor units (null: no limit on
-- that side), as the service sends them with the item. The cursor is reset so the next sync fills
-- them in for every item the till already has.
alter table catalog_item add column min_price integer;
alter table catalog_item add column max_price integer;
delete from catalog_cursor;
