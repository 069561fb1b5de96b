-- Putting an item drops the barcodes it no longer lists: find an item's barcodes by index.
create index barcode_by_item on barcode (organisation_id, item_id);
