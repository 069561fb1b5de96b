-- The modifier groups each item offers (ADR 0043), as the service sends them with the item: the
-- group's words and limits, then its options with their price deltas, in the order they are asked.
-- Written again with the item at each change. The cursor is reset so the next sync fills them in
-- for every item the till already has.
create table catalog_modifier_group (
  item_id     text not null references catalog_item (id) on delete cascade,
  group_id    text not null,
  position    integer not null,
  name        text not null,
  min_choices integer not null,
  max_choices integer not null,
  primary key (item_id, group_id)
);

create table catalog_modifier_option (
  item_id     text not null,
  group_id    text not null,
  option_id   text not null,
  position    integer not null,
  name        text not null,
  price_delta integer not null,
  primary key (item_id, group_id, option_id),
  foreign key (item_id, group_id) references catalog_modifier_group (item_id, group_id)
    on delete cascade
);
delete from catalog_cursor;
