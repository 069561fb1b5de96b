-- What a terminal caches to work on its own: the store's locale and receipt URL, and the
-- store-and-forward rules for cards taken while the service is unreachable. Off by default: the
-- store takes the risk of an offline card being declined later, so it opts in.
alter table store
  add column locale text not null default 'uk-UA',
  add column receipt_url text,
  add column offline_cards boolean not null default false,
  add column offline_card_sale_limit bigint not null default 0
    check (offline_card_sale_limit >= 0 and offline_card_sale_limit <= 10000000000),
  add column offline_card_total_limit bigint not null default 0
    check (offline_card_total_limit >= 0 and offline_card_total_limit <= 10000000000),
  add column offline_card_window_minutes int not null default 0
    check (offline_card_window_minutes >= 0 and offline_card_window_minutes <= 10080);

-- Events a terminal reports through its outbox are recorded once, by their id.
alter table audit_log add column event_id uuid;
create unique index audit_log_event_once on audit_log (organisation_id, event_id)
  where event_id is not null;

-- A sale whose price is not the catalogue's asks whether its item changed since the sale opened
-- (a sale in progress keeps the prices it started with).
create index catalog_change_by_item on catalog_change (organisation_id, key, changed_at)
  where kind = 'ITEM';
