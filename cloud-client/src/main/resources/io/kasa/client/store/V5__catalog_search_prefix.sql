-- Search as you type, faster: prefix indexes for the first two and three characters of a word (what
-- a cashier has typed so far), only active items indexed (nothing else is ever searched), and the
-- name-first ranking configured once so queries can order by rank. A lower-cased name key, indexed,
-- answers the broad first letters (too many matches to rank) with names that start with them; the
-- cursor is reset so the next sync fills it in for every item.
alter table catalog_item add column name_key text;
create index catalog_item_name_key on catalog_item (name_key) where active = 1;
delete from catalog_cursor;

drop trigger catalog_item_ai;
drop trigger catalog_item_ad;
drop trigger catalog_item_au;
drop table catalog_search;

create virtual table catalog_search using fts5(
  name, sku, category,
  content = 'catalog_item', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2',
  prefix = '2 3'
);
insert into catalog_search (catalog_search, rank) values ('rank', 'bm25(10.0, 3.0, 1.0)');
insert into catalog_search (rowid, name, sku, category)
  select rowid, name, sku, category from catalog_item where active = 1;

create trigger catalog_item_ai after insert on catalog_item when new.active = 1
begin
  insert into catalog_search (rowid, name, sku, category) values (new.rowid, new.name, new.sku, new.category);
end;

create trigger catalog_item_ad after delete on catalog_item when old.active = 1
begin
  insert into catalog_search (catalog_search, rowid, name, sku, category)
    values ('delete', old.rowid, old.name, old.sku, old.category);
end;

create trigger catalog_item_au_old after update on catalog_item when old.active = 1
begin
  insert into catalog_search (catalog_search, rowid, name, sku, category)
    values ('delete', old.rowid, old.name, old.sku, old.category);
end;

create trigger catalog_item_au_new after update on catalog_item when new.active = 1
begin
  insert into catalog_search (rowid, name, sku, category) values (new.rowid, new.name, new.sku, new.category);
end;
