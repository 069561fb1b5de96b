package io.kasa.client.store;

import io.kasa.api.catalog.QuickKeyPageDto;
import io.kasa.api.catalog.QuickKeysDto;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The replica's quick-key layout (ADR 0052): replaced whole by a page of changes that carries it,
 * in that page's transaction; read by the register's quick keys.
 */
final class QuickKeysReplica {

  private QuickKeysReplica() {}

  /** Replaces the layout with {@code layout}. */
  static void write(Connection c, QuickKeysDto layout) throws SQLException {
    try (PreparedStatement dropKeys = c.prepareStatement("delete from catalog_quick_key");
        PreparedStatement dropPages = c.prepareStatement("delete from catalog_quick_page");
        PreparedStatement page =
            c.prepareStatement("insert into catalog_quick_page (position, title) values (?, ?)");
        PreparedStatement key =
            c.prepareStatement(
                "insert into catalog_quick_key (page, position, item_id) values (?, ?, ?)")) {
      dropKeys.executeUpdate();
      dropPages.executeUpdate();
      List<QuickKeyPageDto> pages = layout.pages() == null ? List.of() : layout.pages();
      for (int p = 0; p < pages.size(); p++) {
        page.setInt(1, p);
        page.setString(2, pages.get(p).title());
        page.addBatch();
        List<String> items = pages.get(p).items() == null ? List.of() : pages.get(p).items();
        for (int k = 0; k < items.size(); k++) {
          key.setInt(1, p);
          key.setInt(2, k);
          key.setString(3, items.get(k));
          key.addBatch();
        }
      }
      page.executeBatch();
      key.executeBatch();
    }
  }

  /** The layout's page titles in order. */
  static List<String> pages(Connection c) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement s =
            c.prepareStatement("select title from catalog_quick_page order by position");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }

  /** The titles of the pages with at least one key of an active item. */
  static Set<String> pagesWithActiveKeys(Connection c) throws SQLException {
    Set<String> out = new LinkedHashSet<>();
    try (PreparedStatement s =
            c.prepareStatement(
                "select distinct p.title from catalog_quick_page p join catalog_quick_key k"
                    + " on k.page = p.position join catalog_item i on i.id = k.item_id"
                    + " where i.active = 1");
        ResultSet r = s.executeQuery()) {
      while (r.next()) {
        out.add(r.getString(1));
      }
    }
    return out;
  }
}
