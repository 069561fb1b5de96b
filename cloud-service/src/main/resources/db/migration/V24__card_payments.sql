-- Card payments made real-shaped (ADR 0031). An offline card is authorised when its sale is
-- delivered; a declined one keeps the processor's reason and stays listed for the store's managers
-- until one records how the money was collected. A card paid on a standalone bank terminal keeps
-- the last four digits its slip shows (its approval code is the tender's reference).
alter table tender
  add column decline_reason  text,
  add column card_last4      text,
  add column settled_at      timestamptz,
  add column settled_by      text,
  add column settlement_note text;

-- The managers' list: declined offline cards not settled yet, per store, newest first.
create index tender_declined on tender (organisation_id, sale_id) where status = 'DECLINED' and settled_at is null;
