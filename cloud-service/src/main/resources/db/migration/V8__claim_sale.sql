-- Takes a sale's idempotency lock and then looks for the sale, in one round trip. The lookup must
-- run after the lock is held and with a snapshot taken after it (a duplicate that just committed
-- must be seen): a volatile function's statements each take a new snapshot, one plain statement
-- would not.
create function claim_sale(p_org uuid, p_id uuid)
  returns table (request_hash bytea, response text)
  language plpgsql volatile as $$
begin
  perform pg_advisory_xact_lock(hashtextextended(p_org || '/sale/' || p_id, 0));
  return query
    select s.request_hash, s.response::text from sale s
    where s.organisation_id = p_org and s.id = p_id;
end
$$;
