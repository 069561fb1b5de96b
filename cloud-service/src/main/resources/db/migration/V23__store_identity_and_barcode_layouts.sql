-- The store's legal identity, printed on every receipt (ADR 0030): the registered name, the
-- address, the taxpayer's code (ЄДРПОУ or ІПН), the VAT payer number, and the store's own header
-- and footer. Columns of store, so the store_feed trigger (V21) moves the store's version and
-- every till hears of a change.
alter table store
  add column legal_name text check (char_length(legal_name) <= 200),
  add column address text check (char_length(address) <= 300),
  add column tax_id text check (tax_id ~ '^[0-9]{8}$|^[0-9]{10}$' or currency <> 'UAH'),
  add column vat_number text check (vat_number ~ '^[0-9]{12}$' or currency <> 'UAH'),
  add column receipt_header text check (char_length(receipt_header) <= 500),
  add column receipt_footer text check (char_length(receipt_footer) <= 500);

-- In-store labels (GS1 prefixes 20-29) a store's scales print: after the two-digit prefix the
-- item code, the value (a weight or a price) just before the EAN check digit. A row per prefix.
create table barcode_layout (
  organisation_id uuid not null,
  store_id        uuid not null,
  prefix          text not null check (prefix ~ '^2[0-9]$'),
  kind            text not null check (kind in ('WEIGHT', 'PRICE')),
  item_digits     int not null check (item_digits between 1 and 9),
  value_digits    int not null check (value_digits between 1 and 9),
  value_decimals  int not null check (value_decimals between 0 and 3),
  primary key (organisation_id, store_id, prefix),
  foreign key (organisation_id, store_id) references store (organisation_id, id) on delete cascade,
  check (item_digits + value_digits <= 10),
  check (value_decimals <= value_digits)
);

-- What the register read before layouts were configurable: weight in grams under prefix 22.
insert into barcode_layout (organisation_id, store_id, prefix, kind, item_digits, value_digits,
                            value_decimals)
  select organisation_id, id, '22', 'WEIGHT', 5, 5, 3 from store;

-- A changed layout is news for that store's tills (ADR 0028).
create function kasa_feed_barcode_layout() returns trigger language plpgsql as $$
begin
  if tg_op = 'DELETE' then
    perform kasa_feed_changed(old.organisation_id, old.store_id);
  else
    perform kasa_feed_changed(new.organisation_id, new.store_id);
  end if;
  return null;
end
$$;
create trigger barcode_layout_feed after insert or update or delete on barcode_layout
  for each row execute function kasa_feed_barcode_layout();
