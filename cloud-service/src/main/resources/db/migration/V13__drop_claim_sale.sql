-- A sale is now recorded by one statement that inserts it unless its id or receipt number exists
-- (ADR 0014); the idempotency lock taken by claim_sale is gone with it.
drop function claim_sale(uuid, uuid);
