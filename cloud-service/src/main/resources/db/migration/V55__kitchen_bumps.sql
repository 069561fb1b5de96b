-- The kitchen screen (ADR 0055, issue 23 point 5): what a kitchen has bumped, kept on the service so
-- every screen of a station shows the same state and a screen reloaded or reconnected shows the
-- truth. A row per bumped line of a ticket, and a row per bumped ticket (line_id is the nil uuid);
-- a recall deletes the ticket's row. Each bump and recall is also a KDS_BUMP event of the floor's
-- log (V11), so other screens hear it.
create table kitchen_bump (
  organisation_id uuid not null,
  store_id        uuid not null,
  ticket_id       uuid not null,
  line_id         uuid not null,
  station_id      text not null,
  bumped_at       timestamptz not null,
  bumped_by       uuid not null,
  -- The order of the bumps (bumped_at may tie): the recall list's newest first.
  bump_no         bigint generated always as identity,
  primary key (organisation_id, store_id, ticket_id, line_id)
);

-- The recall list: the store's last bumped tickets, newest first.
create index kitchen_bump_recent on kitchen_bump (organisation_id, store_id, bump_no desc);

-- The open tickets: a store's kitchen events of the last hours, without reading its whole log.
create index floor_event_kitchen on floor_event (organisation_id, store_id, at)
  where body->>'kind' in ('KITCHEN_TICKET', 'KITCHEN_VOID');

-- A kitchen account (ADR 0055): signs in to the back office and reaches the kitchen screen alone.
alter table office_account drop constraint office_account_role_check;
alter table office_account add constraint office_account_role_check
  check (role in ('owner', 'manager', 'accountant', 'kitchen'));
