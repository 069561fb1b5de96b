-- Wrong PINs are counted in a table of their own (ADR 0018). An attempt is claimed here by one
-- atomic statement before its PIN is hashed, so concurrent guesses are all counted and no more
-- are verified than the lockout allows. This table has no trigger: a sign-in does not empty the
-- service's kept sign-ins (ADR 0016) the way an update of employee does.
create table pin_attempt (
  organisation_id uuid not null,
  employee_id     uuid not null,
  -- wrong PINs in a row, settled
  failed          int not null default 0 check (failed >= 0),
  -- attempts claimed and still being verified
  pending         int not null default 0 check (pending >= 0),
  -- when the last attempt was claimed: claims older than a minute belong to a crashed process
  claimed_at      timestamptz,
  locked_until    timestamptz,
  primary key (organisation_id, employee_id),
  foreign key (organisation_id, employee_id) references employee (organisation_id, id)
);

insert into pin_attempt (organisation_id, employee_id, failed, locked_until)
  select organisation_id, id, failed_pins, locked_until from employee
  where failed_pins > 0 or locked_until is not null;

alter table employee drop column failed_pins, drop column locked_until;

-- A used enrollment code remembers the device that used it, for a while, so that the device's
-- retry gets the same answer (ADR 0018): the hash of its Idempotency-Key, the hash of its request,
-- and the credential's secret sealed (AES-GCM) under a key derived from the code and the
-- Idempotency-Key, neither of which is stored.
alter table enrollment_code
  add column retry_key_hash bytea,
  add column request_hash   bytea,
  add column sealed_secret  bytea;

create unique index enrollment_code_by_retry_key on enrollment_code (retry_key_hash)
  where retry_key_hash is not null;
