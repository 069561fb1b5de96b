-- What the request that opened a check said (seating guests, or a split), hashed: a repeat of the
-- request with the same check id and other contents is refused (409) instead of answered as if it
-- were the same. Checks opened before this have none and answer any repeat, as they did.
alter table dining_check add column request_hash bytea;
