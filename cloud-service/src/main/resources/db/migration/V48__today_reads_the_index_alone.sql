-- Today (ADR 0042) adds up the day's sales, and the same weekday's a week earlier, by till and
-- hour: a busy store's whole day of sale rows each time the screen refreshes, one heap page per
-- sale (2,927 buffers for a day of 2,747 sales at 1,000,000 sales, issue 22 point 7). The sale's
-- index by till and time now also carries what those sums read, so they are answered from the
-- index alone (243 buffers for the same day): the same index, keys and name, wider leaves.
create index sale_by_terminal_paid_covering on sale (organisation_id, terminal_id, paid_at)
  include (total, change_given, employee_id, state);
drop index sale_by_terminal_paid;
alter index sale_by_terminal_paid_covering rename to sale_by_terminal_paid;
