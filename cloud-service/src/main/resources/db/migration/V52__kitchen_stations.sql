-- Kitchen stations and routing (ADR 0053). A store has stations (hot kitchen, bar, pastry…); an
-- item is routed to stations by its own routes, else by its category's, else to the store's first
-- station, so no sent line is ever printed nowhere. Which printer prints a station is the
-- terminals' business (their device settings), not the service's.
create table kitchen_station (
  organisation_id uuid not null,
  store_id        uuid not null,
  id              text not null check (id ~ '^[A-Za-z0-9_.-]{1,64}$'),
  name            text not null check (char_length(name) between 1 and 60),
  position        int not null default 0 check (position between 0 and 1000),
  primary key (organisation_id, store_id, id),
  foreign key (organisation_id, store_id) references store (organisation_id, id)
);

-- A route sends an item, or every item of a category, to a station. An item with routes of its own
-- ignores its category's.
create table kitchen_route (
  organisation_id uuid not null,
  store_id        uuid not null,
  station_id      text not null,
  item_id         text check (char_length(item_id) between 1 and 64),
  category        text check (char_length(category) between 1 and 200),
  check ((item_id is null) <> (category is null)),
  foreign key (organisation_id, store_id, station_id)
    references kitchen_station (organisation_id, store_id, id) on delete cascade
);
create unique index kitchen_route_item on kitchen_route (organisation_id, store_id, item_id, station_id)
  where item_id is not null;
create unique index kitchen_route_category
  on kitchen_route (organisation_id, store_id, category, station_id) where category is not null;

-- A check's lines carry their chosen options and note as a sale line does (ADR 0043), a course
-- (0: none), and when, by which send and to which stations they went to the kitchen (a void after
-- the send goes to the same stations, whatever the routes say by then).
alter table check_line
  add column modifiers jsonb,
  add column note      text check (char_length(note) <= 200),
  add column course    int not null default 0 check (course between 0 and 9),
  add column sent_at   timestamptz,
  add column send_id   uuid,
  add column stations  text[];

-- One row per send of a check to the kitchen, keyed by the id the terminal made: a retried send
-- answers the tickets it made instead of sending again.
create table kitchen_send (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  check_id        uuid not null,
  sent_at         timestamptz not null,
  sent_by         uuid not null,
  tickets         jsonb not null,
  primary key (organisation_id, id),
  foreign key (organisation_id, check_id) references dining_check (organisation_id, id)
);
