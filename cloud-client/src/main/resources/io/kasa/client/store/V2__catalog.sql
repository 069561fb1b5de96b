-- The catalogue replica: items as the service last sent them, their barcodes, tax classes, the
-- change cursor, and a full-text index for search as you type.
create table catalog_item (
  id             text primary key,
  sku            text not null,
  name           text not null,
  unit           text not null,
  price          integer not null,
  tax_class      text not null,
  category       text,
  open_price     integer not null,
  age_restricted integer not null,
  active         integer not null
);

create table catalog_barcode (
  code    text primary key,
  item_id text not null references catalog_item (id) on delete cascade
);
create index catalog_barcode_item on catalog_barcode (item_id);

create table catalog_tax_class (
  code  text primary key,
  label text not null,
  rate  text not null
);

create table catalog_cursor (
  singleton integer primary key check (singleton = 1),
  cursor    text not null
);

create virtual table catalog_search using fts5(
  name, sku, category,
  content = 'catalog_item', content_rowid = 'rowid',
  tokenize = 'unicode61 remove_diacritics 2'
);

create trigger catalog_item_ai after insert on catalog_item
begin
  insert into catalog_search (rowid, name, sku, category) values (new.rowid, new.name, new.sku, new.category);
end;

create trigger catalog_item_ad after delete on catalog_item
begin
  insert into catalog_search (catalog_search, rowid, name, sku, category)
    values ('delete', old.rowid, old.name, old.sku, old.category);
end;

create trigger catalog_item_au after update on catalog_item
begin
  insert into catalog_search (catalog_search, rowid, name, sku, category)
    values ('delete', old.rowid, old.name, old.sku, old.category);
  insert into catalog_search (rowid, name, sku, category) values (new.rowid, new.name, new.sku, new.category);
end;
