package io.kasa.client.store;

import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.api.catalog.ModifierOptionDto;
import io.kasa.domain.catalog.ModifierGroup;
import io.kasa.domain.catalog.ModifierOption;
import io.kasa.domain.money.Money;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The replica's modifier groups (ADR 0043): written with each item of a page of changes, read with
 * the item. A group the sale engine would not accept (the service never sends one) is left out
 * rather than block the item: the service still checks every sale.
 */
final class ModifierReplica {

  private ModifierReplica() {}

  /** Replaces the groups of every item of the page with those it carries. */
  static void write(Connection c, List<ItemDto> items) throws SQLException {
    try (PreparedStatement dropOptions =
            c.prepareStatement("delete from catalog_modifier_option where item_id = ?");
        PreparedStatement dropGroups =
            c.prepareStatement("delete from catalog_modifier_group where item_id = ?");
        PreparedStatement group =
            c.prepareStatement(
                "insert into catalog_modifier_group (item_id, group_id, position, name,"
                    + " min_choices, max_choices) values (?, ?, ?, ?, ?, ?)");
        PreparedStatement option =
            c.prepareStatement(
                "insert into catalog_modifier_option (item_id, group_id, option_id, position,"
                    + " name, price_delta) values (?, ?, ?, ?, ?, ?)")) {
      for (ItemDto i : items) {
        dropOptions.setString(1, i.id());
        dropOptions.addBatch();
        dropGroups.setString(1, i.id());
        dropGroups.addBatch();
      }
      dropOptions.executeBatch();
      dropGroups.executeBatch();
      for (ItemDto i : items) {
        int g = 0;
        for (ModifierGroupDto dto : i.modifierGroups()) {
          group.setString(1, i.id());
          group.setString(2, dto.id());
          group.setInt(3, g++);
          group.setString(4, dto.name());
          group.setInt(5, dto.minChoices());
          group.setInt(6, dto.maxChoices());
          group.addBatch();
          int o = 0;
          for (ModifierOptionDto opt : dto.options()) {
            option.setString(1, i.id());
            option.setString(2, dto.id());
            option.setString(3, opt.id());
            option.setInt(4, o++);
            option.setString(5, opt.name());
            option.setLong(6, opt.priceDelta());
            option.addBatch();
          }
        }
      }
      group.executeBatch();
      option.executeBatch();
    }
  }

  /** The groups the item offers, in order. */
  static List<ModifierGroup> read(Connection c, String itemId, Currency currency)
      throws SQLException {
    record Row(String id, String name, int min, int max, List<ModifierOption> options) {}
    Map<String, Row> groups = new LinkedHashMap<>();
    try (PreparedStatement s =
        c.prepareStatement(
            "select group_id, name, min_choices, max_choices from catalog_modifier_group"
                + " where item_id = ? order by position")) {
      s.setString(1, itemId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          groups.put(
              r.getString(1),
              new Row(r.getString(1), r.getString(2), r.getInt(3), r.getInt(4), new ArrayList<>()));
        }
      }
    }
    if (groups.isEmpty()) {
      return List.of();
    }
    try (PreparedStatement s =
        c.prepareStatement(
            "select group_id, option_id, name, price_delta from catalog_modifier_option"
                + " where item_id = ? order by group_id, position")) {
      s.setString(1, itemId);
      try (ResultSet r = s.executeQuery()) {
        while (r.next()) {
          Row g = groups.get(r.getString(1));
          if (g != null) {
            g.options()
                .add(
                    new ModifierOption(
                        r.getString(2), r.getString(3), Money.of(r.getLong(4), currency)));
          }
        }
      }
    }
    List<ModifierGroup> out = new ArrayList<>();
    for (Row g : groups.values()) {
      try {
        out.add(new ModifierGroup(g.id(), g.name(), g.min(), g.max(), g.options()));
      } catch (IllegalArgumentException e) {
        // Not a group a sale could be made from; the service never sends one.
      }
    }
    return out;
  }
}
