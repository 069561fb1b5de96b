-- The token of a sale's public receipt page (ADR 0041), as a look-up key of its own: the returns
-- screen finds the sale whose receipt QR code was scanned through this partial index, however long
-- the journal. New entries get it from their body when appended (Outbox.append); sales journalled
-- before tokens have none.
alter table outbox add column receipt_token text;
update outbox
   set receipt_token = json_extract(body, '$.receiptToken')
 where kind = 'SALE' and json_valid(body) and json_extract(body, '$.receiptToken') is not null;
create index outbox_receipt_token on outbox (receipt_token) where receipt_token is not null;
