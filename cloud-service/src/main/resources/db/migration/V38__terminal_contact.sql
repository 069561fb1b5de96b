-- What each till last told the service about itself (issue 22, the back office's Terminals screen;
-- ADR 0045): when it was last in contact, how many journal entries it still had to send, and the
-- version of its software. A table of its own, not columns of terminal: terminal's update trigger
-- (V14) empties every kept sign-in of the service, and contact is recorded all day long. No trigger
-- here. Written at most every half minute per till, and at once when what it reports changes in
-- a way the owner must see (entries waiting or not, another version).
create table terminal_contact (
  organisation_id uuid not null,
  terminal_id     uuid not null,
  last_contact_at timestamptz not null,
  -- null until the till reports it (Kasa-Unsent)
  unsent_entries  bigint check (unsent_entries >= 0),
  -- null until the till reports it (Kasa-Version)
  app_version     text check (char_length(app_version) <= 40),
  primary key (organisation_id, terminal_id),
  foreign key (organisation_id, terminal_id) references terminal (organisation_id, id)
);

-- The Terminals screen shows each terminal's enrollment code waiting to be used, if any.
create index enrollment_code_by_terminal on enrollment_code (organisation_id, terminal_id);
