-- The kitchen screen (ADR 0055) reads a store's bumps of the last day to strike lines and order the
-- recall list; with only the key by ticket and the index by bump order, each board read every bump
-- the store ever made (60,215 index entries for three boards over 20,000 bumps of history,
-- HotPathsUseIndexesTest). By store and time, a board reads today's bumps alone (issue 24).
create index kitchen_bump_by_time on kitchen_bump (organisation_id, store_id, bumped_at);

-- Bumps older than the floor's log (a week) go with their tickets' events, found by age alone.
create index kitchen_bump_by_age on kitchen_bump (bumped_at);
