-- The back office's accounts (ADR 0040): owners, managers and accountants of an organisation who
-- sign in on the web with an email and a password (PBKDF2), optionally a TOTP second factor.

create table office_account (
  id               uuid primary key,
  organisation_id  uuid not null references organisation (id),
  email            text not null check (email = lower(email) and position('@' in email) > 1),
  role             text not null check (role in ('owner', 'manager', 'accountant')),
  -- True: every store of the organisation; false: the stores in office_account_store.
  all_stores       boolean not null default true,
  -- Null until the account's first password is set through its link.
  password_hash    text,
  -- The TOTP shared key (RFC 6238), needed in clear to compute codes; null while off.
  totp_secret      bytea,
  -- A key shown for enabling, not yet confirmed by a code.
  totp_pending     bytea,
  -- The last time step whose code was accepted: a code is never accepted twice.
  totp_last_step   bigint,
  language         text check (language in ('uk', 'en')),
  failed_sign_ins  integer not null default 0,
  locked_until     timestamptz,
  active           boolean not null default true,
  created_at       timestamptz not null default now()
);

-- Sign-in is by email alone, so an email names one account across organisations.
create unique index office_account_email on office_account (email);
create index office_account_org on office_account (organisation_id);

create table office_account_store (
  account_id       uuid not null references office_account (id) on delete cascade,
  organisation_id  uuid not null,
  store_id         uuid not null,
  primary key (account_id, store_id),
  foreign key (organisation_id, store_id) references store (organisation_id, id)
);

-- Sessions: only the SHA-256 of the cookie's 256-bit secret is kept. A session waiting for its
-- TOTP code (second_factor_due) grants nothing but the code's page.
create table office_session (
  token_hash        bytea primary key,
  account_id        uuid not null references office_account (id) on delete cascade,
  second_factor_due boolean not null,
  created_at        timestamptz not null,
  expires_at        timestamptz not null
);
create index office_session_account on office_session (account_id);

-- Links that set a password: single-use (used_at), expiring, kept only as the token's SHA-256.
create table office_password_link (
  token_hash   bytea primary key,
  account_id   uuid not null references office_account (id) on delete cascade,
  expires_at   timestamptz not null,
  used_at      timestamptz
);
create index office_password_link_account on office_password_link (account_id);

-- Failed sign-ins per client address, for the lockout that stops guessing across many accounts.
create table office_address_failures (
  address       text primary key,
  failures      integer not null,
  window_start  timestamptz not null,
  locked_until  timestamptz
);

-- Who in the back office made a change or signed in.
alter table audit_log add column office_account_id uuid;
