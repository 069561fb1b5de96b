package io.kasa.service.catalog;

import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.api.catalog.ModifierOptionDto;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.jdbi.v3.core.Handle;

/**
 * Modifier groups, their options and the items that offer them (ADR 0043), always within one
 * organisation. A write records an ITEM change for every item offering the group, so the tills read
 * those items again, groups included, from the catalogue feed and its live stream (ADR 0028).
 */
public final class ModifierStore {

  /** Options a group has at most. */
  public static final int MAX_OPTIONS = 50;

  /** Groups an item offers at most. */
  public static final int MAX_GROUPS_PER_ITEM = 20;

  /** The most an option may add or take off, in minor units (as any other amount). */
  public static final long MAX_DELTA = 10_000_000_000L;

  private static final Pattern ID = Pattern.compile("[A-Za-z0-9_.-]{1,64}");

  private ModifierStore() {}

  /** The groups each of these items offers, in order, by item id; items with none are absent. */
  public static Map<String, List<ModifierGroupDto>> groupsOf(
      Handle h, UUID org, Collection<String> itemIds) {
    Map<String, List<ModifierGroupDto>> out = new LinkedHashMap<>();
    if (itemIds.isEmpty()) {
      return out;
    }
    record Link(String item, String group) {}
    List<Link> links =
        h.createQuery(
                "select item_id, group_id from item_modifier_group where organisation_id = :org"
                    + " and item_id = any(:ids) order by item_id, position, group_id")
            .bind("org", org)
            .bindArray("ids", String.class, itemIds)
            .map((rs, ctx) -> new Link(rs.getString("item_id"), rs.getString("group_id")))
            .list();
    if (links.isEmpty()) {
      return out;
    }
    Set<String> groupIds = new HashSet<>();
    links.forEach(l -> groupIds.add(l.group()));
    Map<String, ModifierGroupDto> groups = groups(h, org, groupIds);
    for (Link l : links) {
      ModifierGroupDto g = groups.get(l.group());
      if (g != null) {
        out.computeIfAbsent(l.item(), k -> new ArrayList<>()).add(g);
      }
    }
    return out;
  }

  /** The groups with these ids, options in order, by id. */
  public static Map<String, ModifierGroupDto> groups(Handle h, UUID org, Collection<String> ids) {
    Map<String, List<ModifierOptionDto>> options = new LinkedHashMap<>();
    h.createQuery(
            "select group_id, id, name, price_delta from modifier_option where organisation_id = :org"
                + " and group_id = any(:ids) order by group_id, position, id")
        .bind("org", org)
        .bindArray("ids", String.class, ids)
        .mapToMap()
        .forEach(
            r ->
                options
                    .computeIfAbsent((String) r.get("group_id"), k -> new ArrayList<>())
                    .add(
                        new ModifierOptionDto(
                            (String) r.get("id"),
                            (String) r.get("name"),
                            ((Number) r.get("price_delta")).longValue())));
    Map<String, ModifierGroupDto> out = new LinkedHashMap<>();
    h.createQuery(
            "select id, name, min_choices, max_choices from modifier_group"
                + " where organisation_id = :org and id = any(:ids) order by id")
        .bind("org", org)
        .bindArray("ids", String.class, ids)
        .map(
            (rs, ctx) ->
                new ModifierGroupDto(
                    rs.getString("id"),
                    rs.getString("name"),
                    rs.getInt("min_choices"),
                    rs.getInt("max_choices"),
                    options.getOrDefault(rs.getString("id"), List.of())))
        .forEach(g -> out.put(g.id(), g));
    return out;
  }

  /**
   * Creates or replaces a group with its options (those it no longer lists are removed), checked
   * first; every item offering it is recorded as changed. Call inside a transaction.
   */
  public static void putGroup(Handle h, UUID org, ModifierGroupDto group) {
    check(group);
    lock(h, org);
    h.createUpdate(
            "insert into modifier_group (organisation_id, id, name, min_choices, max_choices)"
                + " values (:org, :id, :name, :min, :max) on conflict (organisation_id, id) do update"
                + " set name = excluded.name, min_choices = excluded.min_choices,"
                + " max_choices = excluded.max_choices")
        .bind("org", org)
        .bind("id", group.id())
        .bind("name", group.name().strip())
        .bind("min", group.minChoices())
        .bind("max", group.maxChoices())
        .execute();
    h.createUpdate("delete from modifier_option where organisation_id = :org and group_id = :id")
        .bind("org", org)
        .bind("id", group.id())
        .execute();
    var batch =
        h.prepareBatch(
            "insert into modifier_option (organisation_id, group_id, id, name, price_delta, position)"
                + " values (:org, :group, :id, :name, :delta, :position)");
    int position = 0;
    for (ModifierOptionDto o : group.options()) {
      batch
          .bind("org", org)
          .bind("group", group.id())
          .bind("id", o.id())
          .bind("name", o.name().strip())
          .bind("delta", o.priceDelta())
          .bind("position", position++)
          .add();
    }
    batch.execute();
    h.createUpdate(
            "insert into catalog_change (organisation_id, kind, key) select organisation_id, 'ITEM',"
                + " item_id from item_modifier_group where organisation_id = :org and group_id = :id"
                + " order by item_id")
        .bind("org", org)
        .bind("id", group.id())
        .execute();
  }

  /**
   * Sets the groups the item whose id or SKU is {@code item} offers, in this order (an empty list
   * removes them all); answers the item's id. Call inside a transaction.
   */
  public static String setItemGroups(Handle h, UUID org, String item, List<String> groupIds) {
    if (groupIds.size() > MAX_GROUPS_PER_ITEM || new HashSet<>(groupIds).size() < groupIds.size()) {
      throw new IllegalArgumentException(
          "An item offers up to " + MAX_GROUPS_PER_ITEM + " different modifier groups");
    }
    lock(h, org);
    String id =
        h.createQuery(
                "select id from item where organisation_id = :org and (id = :item or sku = :item)"
                    + " order by id = :item desc limit 1")
            .bind("org", org)
            .bind("item", item)
            .mapTo(String.class)
            .findOne()
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "No item with id or SKU " + item + " in organisation " + org));
    Set<String> known = groups(h, org, groupIds).keySet();
    for (String g : groupIds) {
      if (!known.contains(g)) {
        throw new IllegalArgumentException(
            "No modifier group " + g + " in organisation " + org + ": create it first");
      }
    }
    h.createUpdate(
            "delete from item_modifier_group where organisation_id = :org and item_id = :item")
        .bind("org", org)
        .bind("item", id)
        .execute();
    int position = 0;
    for (String g : groupIds) {
      h.createUpdate(
              "insert into item_modifier_group (organisation_id, item_id, group_id, position)"
                  + " values (:org, :item, :group, :position)")
          .bind("org", org)
          .bind("item", id)
          .bind("group", g)
          .bind("position", position++)
          .execute();
    }
    h.createUpdate(
            "insert into catalog_change (organisation_id, kind, key) values (:org, 'ITEM', :key)")
        .bind("org", org)
        .bind("key", id)
        .execute();
    return id;
  }

  /** The ids of the organisation's groups. */
  public static Set<String> groupIds(Handle h, UUID org) {
    return new HashSet<>(
        h.createQuery("select id from modifier_group where organisation_id = :org")
            .bind("org", org)
            .mapTo(String.class)
            .list());
  }

  /**
   * Sets the groups of many items at once (an import): each item offers exactly the groups listed
   * for it, in order; the items must exist and be recorded as changed by the caller, the groups
   * must exist. Call inside a transaction holding the catalogue lock.
   */
  public static void linkAll(Handle h, UUID org, Map<String, List<String>> groupsByItem) {
    if (groupsByItem.isEmpty()) {
      return;
    }
    h.createUpdate(
            "delete from item_modifier_group where organisation_id = :org and item_id = any(:ids)")
        .bind("org", org)
        .bindArray("ids", String.class, groupsByItem.keySet())
        .execute();
    var batch =
        h.prepareBatch(
            "insert into item_modifier_group (organisation_id, item_id, group_id, position)"
                + " values (:org, :item, :group, :position)");
    groupsByItem.forEach(
        (item, groups) -> {
          int position = 0;
          for (String g : groups) {
            batch
                .bind("org", org)
                .bind("item", item)
                .bind("group", g)
                .bind("position", position++)
                .add();
          }
        });
    if (batch.size() > 0) {
      batch.execute();
    }
  }

  /** Refuses a group a till could not sell from, naming what is wrong. */
  public static void check(ModifierGroupDto g) {
    if (g.id() == null || !ID.matcher(g.id()).matches()) {
      throw new IllegalArgumentException(
          "A modifier group id is 1 to 64 letters, digits, '.', '_' or '-'");
    }
    if (g.name() == null || g.name().isBlank() || g.name().strip().length() > 200) {
      throw new IllegalArgumentException("A modifier group's name is 1 to 200 characters");
    }
    List<ModifierOptionDto> options = g.options() == null ? List.of() : g.options();
    if (options.isEmpty() || options.size() > MAX_OPTIONS) {
      throw new IllegalArgumentException(
          "Modifier group " + g.id() + " has 1 to " + MAX_OPTIONS + " options");
    }
    if (g.minChoices() < 0 || g.maxChoices() < 1 || g.minChoices() > g.maxChoices()) {
      throw new IllegalArgumentException(
          "Modifier group "
              + g.id()
              + ": at least 0 and at most 1 or more choices, the least not above the most");
    }
    if (g.maxChoices() > options.size()) {
      throw new IllegalArgumentException(
          "Modifier group "
              + g.id()
              + " allows "
              + g.maxChoices()
              + " choices but has "
              + options.size()
              + " options");
    }
    Set<String> ids = new HashSet<>();
    for (ModifierOptionDto o : options) {
      if (o.id() == null || !ID.matcher(o.id()).matches()) {
        throw new IllegalArgumentException(
            "An option id is 1 to 64 letters, digits, '.', '_' or '-'");
      }
      if (!ids.add(o.id())) {
        throw new IllegalArgumentException(
            "Modifier group " + g.id() + " lists option " + o.id() + " twice");
      }
      if (o.name() == null || o.name().isBlank() || o.name().strip().length() > 200) {
        throw new IllegalArgumentException("An option's name is 1 to 200 characters");
      }
      if (Math.abs(o.priceDelta()) > MAX_DELTA) {
        throw new IllegalArgumentException(
            "An option adds or takes off at most " + MAX_DELTA + " minor units");
      }
    }
  }

  /**
   * The organisation's catalogue lock, as every catalogue writer takes (V2__catalog_changes.sql).
   */
  private static void lock(Handle h, UUID org) {
    h.execute("select pg_advisory_xact_lock(hashtextextended(?, 0))", org + "/catalog");
  }
}
