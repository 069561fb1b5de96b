-- Sign-in by PIN alone (ADR 0021). A PIN names its employee within the organisation, so it must
-- be unique there, and the service must find its employee without hashing every verifier.
--
-- Each organisation gets a random key; an employee's pin_lookup is HMAC-SHA256(key, PIN). The
-- key never leaves the service (terminals get only the slow verifiers, as before). Employees
-- whose PIN was set before this migration have no lookup yet: their next right PIN fills it in,
-- and until then a PIN-only sign-in also tries their verifiers.
create table organisation_pin_key (
  organisation_id uuid primary key references organisation (id),
  key             bytea not null check (length(key) = 32)
);

alter table employee add column pin_lookup bytea;

-- Two active employees of one organisation never share a PIN, however the PINs are set.
create unique index employee_pin_unique on employee (organisation_id, pin_lookup)
  where active and pin_lookup is not null;

-- Wrong PINs typed without choosing a name first are counted per terminal: there is nobody to
-- count them against. Five within 15 minutes lock PIN-only sign-in on that terminal for 15
-- minutes; a right PIN does not start the count again (a cashier's own PIN must not buy more
-- guesses). Claimed before hashing and settled after, as pin_attempt (ADR 0018).
create table terminal_pin_attempt (
  organisation_id uuid not null,
  terminal_id     uuid not null,
  failed          int not null default 0 check (failed >= 0),
  pending         int not null default 0 check (pending >= 0),
  -- the first wrong PIN of the current count: the count starts again 15 minutes after it
  first_failed_at timestamptz,
  claimed_at      timestamptz,
  locked_until    timestamptz,
  primary key (organisation_id, terminal_id),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
);
