-- Refunds replay the original sale: the sale's request is kept so the service can rebuild it with
-- pos-domain exactly as it was rung up, apply earlier refunds, and check the new one.
alter table sale add column request jsonb;

create table refund (
  organisation_id uuid not null,
  id              uuid not null,
  sale_id         uuid not null,
  terminal_id     uuid not null,
  employee_id     uuid not null,
  approved_by     uuid,
  receipt_number  text not null,
  reason          text not null,
  total           bigint not null,
  tax             bigint not null,
  cash_rounding   bigint not null,
  recorded_at     timestamptz not null default now(),
  request_hash    bytea not null,
  request         jsonb not null,
  response        jsonb not null,
  primary key (organisation_id, id),
  unique (organisation_id, receipt_number),
  foreign key (organisation_id, sale_id) references sale (organisation_id, id)
);

create table refund_line (
  organisation_id uuid not null,
  refund_id       uuid not null,
  sale_line       int not null,
  item_id         text not null,
  quantity        numeric(16, 3) not null,
  amount          bigint not null,
  tax             bigint not null,
  tax_class       text not null,
  primary key (organisation_id, refund_id, sale_line),
  foreign key (organisation_id, refund_id) references refund (organisation_id, id)
);

create table refund_payout (
  organisation_id uuid not null,
  id              uuid not null,
  refund_id       uuid not null,
  type            text not null,
  amount          bigint not null,
  original_tender uuid,
  primary key (organisation_id, id),
  foreign key (organisation_id, refund_id) references refund (organisation_id, id)
);
