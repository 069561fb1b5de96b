-- The customer's receipt on their phone (ADR 0041).

-- Each sale carries the token of its public page /r/{token}: made on the till with the sale (so a
-- sale made offline prints its QR at once), written with the sale by the same statement. Unique
-- across organisations, as the page is found by the token alone. Null for sales of tills older
-- than tokens, which have no page; the index holds only the sales that have one.
alter table sale add column receipt_token text
  check (receipt_token ~ '^[A-Za-z0-9_-]{22,64}$');
create unique index sale_receipt_token on sale (receipt_token) where receipt_token is not null;

-- A store's receipt URL template ({number} in it) becomes its public address: the base URL under
-- which its receipts' pages are found. A template's origin (scheme, host and port) is the address.
alter table store add column public_address text
  check (public_address ~ '^https?://[^/?#\s]+(/[^?#\s]*)?$');
update store
   set public_address = substring(receipt_url from '^(https?://[^/?#\s]+)')
 where receipt_url ~ '^https?://[^/?#\s]+';
alter table store drop column receipt_url;
