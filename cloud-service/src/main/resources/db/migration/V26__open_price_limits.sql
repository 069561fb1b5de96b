-- The lowest and highest price an open-price item may be sold at, in minor units; null is no limit
-- on that side. Kept on any item, read only for open-price ones: a sale line outside them is
-- refused (a sale made offline is recorded, as the till's copy of the limits may have been older).
alter table item
  add column min_price bigint check (min_price is null or min_price > 0),
  add column max_price bigint check (max_price is null or max_price > 0),
  add constraint item_price_limits_in_order
    check (min_price is null or max_price is null or min_price <= max_price);
