-- The back office's Audit screen (issue 22, ADR 0048): the organisation's audit log newest first,
-- a page at a time by a keyset cursor (at, id). Each filter reads its own index from its end, so
-- a page reads about a page of entries however long the history: every entry by time; a till's
-- (a store's and a scoped account's tills are read till by till); an employee's; an office
-- account's; an action's (a kind is read action by action).
create index audit_log_by_time on audit_log (organisation_id, at, id);
create index audit_log_by_terminal on audit_log (organisation_id, terminal_id, at, id)
  where terminal_id is not null;
create index audit_log_by_employee on audit_log (organisation_id, employee_id, at, id)
  where employee_id is not null;
create index audit_log_by_account on audit_log (organisation_id, office_account_id, at, id)
  where office_account_id is not null;
create index audit_log_by_action on audit_log (organisation_id, action, at, id);
