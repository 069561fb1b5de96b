-- What the terminal needs to work on its own: its configuration as the service last sent it, the
-- staff with their PIN verifiers (never PINs) and offline lockouts, its sealed credential, who
-- recorded each outbox entry, and the card payments taken offline (store-and-forward).
create table terminal_config (
  singleton  integer primary key check (singleton = 1),
  json       text not null,
  fetched_at text not null
);

create table staff (
  id           text primary key,
  name         text not null,
  role         text not null,
  pin_verifier text not null,
  failed_pins  integer not null default 0,
  locked_until text
);

-- Local settings, such as the service's URL.
create table local_setting (
  name  text primary key,
  value text not null
);

-- Secrets sealed with AES-GCM under the key file beside the database (see TerminalIdentity).
create table sealed_secret (
  name   text primary key,
  sealed blob not null
);

-- The employee the terminal vouches for when it delivers the entry (Kasa-Employee).
alter table outbox add column employee_id text;

create table offline_card (
  tender_id  text primary key,
  outbox_id  text not null references outbox (id),
  amount     integer not null check (amount > 0),
  created_at text not null
);
create index offline_card_outbox on offline_card (outbox_id);
