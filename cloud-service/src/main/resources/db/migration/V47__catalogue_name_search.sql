-- The back office's catalogue search by name (ADR 0046, issue 22 point 7): a name containing the
-- words typed, found through a trigram index when few items match, instead of reading the whole
-- catalogue along its primary key (0.56 s at 200,000 items). pg_trgm ships with PostgreSQL's
-- contrib and is a trusted extension (PostgreSQL 13 and later): the database's owner may create
-- it without being a superuser.
create extension if not exists pg_trgm;

create index item_name_trgm on item using gin (name gin_trgm_ops);
