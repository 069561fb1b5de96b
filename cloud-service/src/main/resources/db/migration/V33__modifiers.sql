-- Modifier groups and their options (ADR 0043): per organisation like the rest of the catalogue.
-- An item offers groups through item_modifier_group, in the order they are asked. A change of a
-- group or an option is published as an ITEM change of every item that offers it, so terminals
-- read each item's whole current state, groups included, from the catalogue feed as before.
create table modifier_group (
  organisation_id uuid not null references organisation (id),
  id              text not null check (length(id) between 1 and 64),
  name            text not null check (length(name) between 1 and 200),
  min_choices     int not null check (min_choices >= 0),
  max_choices     int not null check (max_choices >= 1),
  primary key (organisation_id, id),
  constraint modifier_group_choices_in_order check (min_choices <= max_choices)
);

create table modifier_option (
  organisation_id uuid not null,
  group_id        text not null,
  id              text not null check (length(id) between 1 and 64),
  name            text not null check (length(name) between 1 and 200),
  price_delta     bigint not null check (price_delta between -10000000000 and 10000000000),
  position        int not null,
  primary key (organisation_id, group_id, id),
  foreign key (organisation_id, group_id) references modifier_group (organisation_id, id)
    on delete cascade
);

create table item_modifier_group (
  organisation_id uuid not null,
  item_id         text not null,
  group_id        text not null,
  position        int not null,
  primary key (organisation_id, item_id, group_id),
  foreign key (organisation_id, item_id) references item (organisation_id, id),
  foreign key (organisation_id, group_id) references modifier_group (organisation_id, id)
    on delete cascade
);
create index item_modifier_group_by_group on item_modifier_group (organisation_id, group_id);

-- What each sale line asked for, as the catalogue named it when the sale was recorded: a JSON array
-- of {groupId, group, optionId, option, priceDelta}, null for a line with none; and the guest's
-- note. A kitchen ticket reads both from here.
alter table sale_line
  add column modifiers jsonb,
  add column note text;

-- The service keeps sale items, groups included, in memory (ADR 0016): any change of a group, an
-- option or an item's groups makes a kept item stale, inserts too (an item that gains a group).
create trigger modifier_group_changed after insert or update or delete or truncate on modifier_group
  for each statement execute function kasa_notify_change('kasa_catalog');
create trigger modifier_option_changed after insert or update or delete or truncate
  on modifier_option for each statement execute function kasa_notify_change('kasa_catalog');
create trigger item_modifier_group_changed after insert or update or delete or truncate
  on item_modifier_group for each statement execute function kasa_notify_change('kasa_catalog');
