-- Tips (ADR 0054, issue 23 point 6): a tip per tender on top of its amount, the store's tip rules,
-- and each sale's tips by tender type carried by the sale for the shift reports (as V43's tallies).
-- No table rewrite: a column with a constant default is only recorded in the catalogue (PostgreSQL
-- 11 and later), and a nullable column without a default costs nothing.

-- The tip on a tender, in minor units: a card is charged amount + tip; on cash it is change the
-- customer left in the drawer. Tenders recorded before tips had none.
alter table tender add column tip bigint not null default 0 check (tip >= 0);

-- Each sale's tips by tender type ({"CARD": 450}), written by the sale's own statement from the
-- tender rows it writes (SaleTallies); null when the sale has none, and for every earlier sale.
alter table sale add column tip_sums jsonb
  check (tip_sums is null or jsonb_typeof(tip_sums) = 'object');

-- The store's tip rules: off until the owner turns them on; three presets and a maximum of the
-- tender's amount. Changes reach the tills through the store's feed trigger like its other rules.
alter table store add column tips_enabled boolean not null default false;
alter table store add column tip_presets numeric(5, 2)[] not null default '{5,10,15}'
  check (cardinality(tip_presets) between 1 and 4 and 0 < all (tip_presets));
alter table store add column tip_max_percent numeric(6, 2) not null default 100
  check (tip_max_percent > 0 and tip_max_percent <= 1000);
