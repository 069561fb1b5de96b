-- The host stand: a store's floor plan, its waitlist and reservations, and the checks open on its
-- tables. Every row carries a version: a change names the version it saw, and loses with a 409 if
-- another terminal changed the row first (two hosts seating one table).

create table floor_area (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  name            text not null check (length(name) between 1 and 60),
  position        int not null default 0 check (position between 0 and 1000),
  active          boolean not null default true,
  version         bigint not null default 1,
  primary key (organisation_id, id),
  foreign key (organisation_id, store_id) references store (organisation_id, id)
);

create table dining_table (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  area_id         uuid not null,
  name            text not null check (length(name) between 1 and 20),
  seats           int not null check (seats between 1 and 50),
  shape           text not null check (shape in ('ROUND', 'SQUARE', 'RECTANGLE')),
  -- Position and size on a 1000 × 1000 plan, whatever the screen.
  x               int not null check (x between 0 and 1000),
  y               int not null check (y between 0 and 1000),
  width           int not null check (width between 20 and 1000),
  height          int not null check (height between 20 and 1000),
  state           text not null default 'FREE'
                  check (state in ('FREE', 'SEATED', 'ORDERED', 'PREBILLED', 'PAID')),
  seated_at       timestamptz,
  guests          int,
  -- A table pushed together with another follows that table's check.
  joined_to       uuid,
  active          boolean not null default true,
  version         bigint not null default 1,
  primary key (organisation_id, id),
  foreign key (organisation_id, area_id) references floor_area (organisation_id, id)
);
create unique index dining_table_name on dining_table (organisation_id, store_id, name) where active;

create table waitlist_party (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  name            text not null check (length(name) between 1 and 80),
  size            int not null check (size between 1 and 100),
  phone           text check (length(phone) <= 30),
  notes           text check (length(notes) <= 200),
  added_at        timestamptz not null,
  -- A reservation: the time slot, and the table it holds from an hour before.
  reserved_for    timestamptz,
  table_id        uuid,
  quoted_minutes  int,
  status          text not null default 'WAITING'
                  check (status in ('WAITING', 'NOTIFIED', 'SEATED', 'NO_SHOW', 'CANCELLED')),
  notified_at     timestamptz,
  closed_at       timestamptz,
  seated_table    uuid,
  version         bigint not null default 1,
  primary key (organisation_id, id),
  foreign key (organisation_id, store_id) references store (organisation_id, id)
);
create index waitlist_open on waitlist_party (organisation_id, store_id, added_at)
  where status in ('WAITING', 'NOTIFIED');

create table dining_check (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  table_id        uuid not null,
  number          int not null,
  guests          int not null check (guests between 1 and 100),
  state           text not null default 'OPEN'
                  check (state in ('OPEN', 'PREBILLED', 'PAID', 'MERGED', 'CANCELLED')),
  opened_at       timestamptz not null,
  opened_by       uuid not null,
  closed_at       timestamptz,
  -- An even split: the check is paid in this many equal parts.
  split_ways      int not null default 1 check (split_ways between 1 and 50),
  party_id        uuid,
  split_from      uuid,
  merged_into     uuid,
  sale_id         uuid,
  version         bigint not null default 1,
  primary key (organisation_id, id),
  foreign key (organisation_id, table_id) references dining_table (organisation_id, id)
);
create index dining_check_open on dining_check (organisation_id, store_id)
  where state in ('OPEN', 'PREBILLED');
create unique index dining_check_sale on dining_check (organisation_id, sale_id)
  where sale_id is not null;

create table check_line (
  organisation_id uuid not null,
  id              uuid not null,
  check_id        uuid not null,
  added_at        timestamptz not null,
  added_by        uuid not null,
  item_id         text not null,
  name            text not null,
  quantity        numeric(16, 3) not null check (quantity > 0 and quantity <= 10000),
  unit_price      bigint not null check (unit_price >= 0),
  -- The guest's seat, or 0 for the table.
  seat            int not null default 0 check (seat between 0 and 100),
  removed         boolean not null default false,
  primary key (organisation_id, id),
  foreign key (organisation_id, check_id) references dining_check (organisation_id, id)
);
create index check_line_by_check on check_line (organisation_id, check_id);

-- What changed on a store's floor, in the order it was committed: the server event stream replays
-- it after a reconnect. Writers take the store's row in floor_stream first, so event ids are
-- gapless and committed in order.
create table floor_stream (
  organisation_id uuid not null,
  store_id        uuid not null,
  last_event      bigint not null,
  last_check      int not null default 0,
  primary key (organisation_id, store_id)
);

create table floor_event (
  organisation_id uuid not null,
  store_id        uuid not null,
  id              bigint not null,
  at              timestamptz not null default now(),
  body            jsonb not null,
  primary key (organisation_id, store_id, id)
);

-- A terminal's device set-up (printer, drawer, scanner bindings), backed up so a replacement
-- terminal can restore it.
create table terminal_devices (
  organisation_id uuid not null,
  terminal_id     uuid not null,
  config          jsonb not null,
  version         bigint not null default 1,
  updated_at      timestamptz not null,
  updated_by      uuid,
  primary key (organisation_id, terminal_id),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
);
