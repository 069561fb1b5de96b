-- The floor's event log keeps a week: a host stand away longer reloads the floor (RESET) instead
-- of replaying it. The service prunes by age every hour.
create index floor_event_by_age on floor_event (at);
