create table shift (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  terminal_id     uuid not null,
  opened_by       uuid not null,
  opened_at       timestamptz not null,
  opening_float   bigint not null check (opening_float >= 0),
  closed_by       uuid,
  closed_at       timestamptz,
  counted         bigint,
  expected        bigint,
  over_short      bigint,
  blind           boolean,
  z_report        jsonb,
  primary key (organisation_id, id),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
);
-- One open shift per terminal.
create unique index shift_open_per_terminal on shift (organisation_id, terminal_id) where closed_at is null;

create table cash_movement (
  organisation_id uuid not null,
  id              uuid not null,
  shift_id        uuid not null,
  type            text not null check (type in ('IN', 'OUT', 'NO_SALE')),
  amount          bigint not null check (amount >= 0),
  reason          text not null,
  employee_id     uuid not null,
  approved_by     uuid,
  at              timestamptz not null,
  primary key (organisation_id, id),
  foreign key (organisation_id, shift_id) references shift (organisation_id, id)
);
