-- Kasa cloud service: core schema. Every table is keyed by organisation, so a chain that outgrows
-- one PostgreSQL can move to a distributed PostgreSQL-compatible engine partitioned by it.

create table organisation (
  id          uuid primary key,
  name        text not null,
  created_at  timestamptz not null default now()
);

create table store (
  organisation_id uuid not null references organisation (id),
  id              uuid not null,
  code            text not null,
  name            text not null,
  currency        char(3) not null,
  tax_mode        text not null check (tax_mode in ('INCLUSIVE', 'EXCLUSIVE')),
  tax_rounding    text not null check (tax_rounding in ('PER_LINE', 'PER_RECEIPT')),
  cash_increment  bigint not null check (cash_increment > 0),
  created_at      timestamptz not null default now(),
  primary key (organisation_id, id),
  unique (organisation_id, code)
);

create table terminal (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  code            text not null,
  name            text not null,
  credential_hash bytea,
  enrolled_at     timestamptz,
  revoked_at      timestamptz,
  primary key (organisation_id, id),
  unique (organisation_id, store_id, code),
  foreign key (organisation_id, store_id) references store (organisation_id, id)
);
create index terminal_by_id on terminal (id);

create table enrollment_code (
  code_hash       bytea primary key,
  organisation_id uuid not null,
  terminal_id     uuid not null,
  expires_at      timestamptz not null,
  used_at         timestamptz,
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
);

create table employee (
  organisation_id uuid not null references organisation (id),
  id              uuid not null,
  name            text not null,
  role            text not null check (role in ('CASHIER', 'MANAGER', 'HOST', 'TECHNICIAN', 'ADMIN')),
  pin_hash        text not null,
  failed_pins     int not null default 0,
  locked_until    timestamptz,
  active          boolean not null default true,
  primary key (organisation_id, id)
);

create table employee_session (
  token_hash      bytea primary key,
  organisation_id uuid not null,
  employee_id     uuid not null,
  terminal_id     uuid not null,
  created_at      timestamptz not null default now(),
  expires_at      timestamptz not null,
  ended_at        timestamptz,
  foreign key (organisation_id, employee_id) references employee (organisation_id, id),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
);

create table tax_class (
  organisation_id uuid not null references organisation (id),
  code            text not null,
  label           text not null,
  rate            numeric(12, 6) not null check (rate >= 0),
  primary key (organisation_id, code)
);

create table item (
  organisation_id uuid not null references organisation (id),
  id              text not null,
  sku             text not null,
  name            text not null,
  unit            text not null check (unit in ('EACH', 'KILOGRAM', 'LITRE')),
  price           bigint not null check (price >= 0),
  tax_class       text not null,
  category        text,
  open_price      boolean not null default false,
  age_restricted  boolean not null default false,
  active          boolean not null default true,
  stock           numeric(16, 3) not null default 0,
  primary key (organisation_id, id),
  foreign key (organisation_id, tax_class) references tax_class (organisation_id, code)
);

create table barcode (
  organisation_id uuid not null,
  code            text not null,
  item_id         text not null,
  primary key (organisation_id, code),
  foreign key (organisation_id, item_id) references item (organisation_id, id)
);

create table sale (
  organisation_id uuid not null,
  id              uuid not null,
  store_id        uuid not null,
  terminal_id     uuid not null,
  employee_id     uuid not null,
  receipt_number  text not null,
  currency        char(3) not null,
  state           text not null,
  offline         boolean not null,
  opened_at       timestamptz not null,
  paid_at         timestamptz not null,
  recorded_at     timestamptz not null default now(),
  subtotal        bigint not null,
  discounts       bigint not null,
  tax             bigint not null,
  total           bigint not null,
  cash_rounding   bigint not null,
  change_given    bigint not null,
  request_hash    bytea not null,
  response        jsonb not null,
  primary key (organisation_id, id),
  unique (organisation_id, receipt_number),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
);

create table sale_line (
  organisation_id uuid not null,
  sale_id         uuid not null,
  number          int not null,
  item_id         text not null,
  name            text not null,
  quantity        numeric(16, 3) not null,
  unit_price      bigint not null,
  gross           bigint not null,
  line_discount   bigint not null,
  order_discount  bigint not null,
  amount          bigint not null,
  tax             bigint not null,
  tax_class       text not null,
  override_reason text,
  voided          boolean not null,
  primary key (organisation_id, sale_id, number),
  foreign key (organisation_id, sale_id) references sale (organisation_id, id)
);

create table sale_tax (
  organisation_id uuid not null,
  sale_id         uuid not null,
  tax_class       text not null,
  rate            numeric(12, 6) not null,
  net             bigint not null,
  tax             bigint not null,
  gross           bigint not null,
  primary key (organisation_id, sale_id, tax_class),
  foreign key (organisation_id, sale_id) references sale (organisation_id, id)
);

create table tender (
  organisation_id uuid not null,
  id              uuid not null,
  sale_id         uuid not null,
  type            text not null,
  amount          bigint not null,
  status          text not null,
  authorisation   text,
  reference       text,
  primary key (organisation_id, id),
  foreign key (organisation_id, sale_id) references sale (organisation_id, id)
);

create table audit_log (
  organisation_id uuid not null,
  id              bigserial,
  at              timestamptz not null default now(),
  terminal_id     uuid,
  employee_id     uuid,
  action          text not null,
  detail          text,
  primary key (organisation_id, id)
);
