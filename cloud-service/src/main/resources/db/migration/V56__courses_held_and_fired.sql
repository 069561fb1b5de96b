-- Courses held and fired (ADR 0056). A send holds back the unsent lines of a course of 2 or more
-- that has not been fired yet: held_at says when; the line is "held" while it has held_at and no
-- sent_at. Firing the course sends them (sent_at, send_id and stations, as a send does).
alter table check_line
  add column held_at timestamptz;

-- A fire is kept as a send is, by the id the terminal made, so a retried fire answers the tickets
-- it made; course is the course it fired, 0 for an ordinary send.
alter table kitchen_send
  add column course int not null default 0 check (course between 0 and 9);
