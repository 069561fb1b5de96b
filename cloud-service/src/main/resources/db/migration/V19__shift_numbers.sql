-- Shifts are numbered per terminal, 1, 2, 3…, so that a report reads "K1-T1-0003" (store,
-- terminal, sequence) instead of a fragment of a UUID (issue 18). The number is taken when the
-- shift is recorded; a terminal has one open shift at a time, and the unique index below refuses
-- a second shift with the same number whatever the timing.
alter table shift add column number int;

update shift s set number = x.n
  from (select organisation_id, id,
               row_number() over (partition by organisation_id, terminal_id order by opened_at, id) as n
          from shift) x
 where x.organisation_id = s.organisation_id and x.id = s.id;

alter table shift alter column number set not null;

create unique index shift_number_per_terminal on shift (organisation_id, terminal_id, number);
