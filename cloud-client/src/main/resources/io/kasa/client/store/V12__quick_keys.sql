-- The store's quick-key layout as arranged in the back office (ADR 0052), as the last page of
-- catalogue changes that carried it left it: its pages (the register's category buttons) in order
-- and each page's keys in order. Replaced whole each time a page of changes carries it; kept as it
-- is while the till is offline. No rows: the register derives its keys from the catalogue.
create table catalog_quick_page (
  position integer primary key,
  title    text not null unique
);

create table catalog_quick_key (
  page     integer not null,
  position integer not null,
  item_id  text not null,
  primary key (page, position)
);
