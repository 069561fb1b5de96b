package io.kasa.service.db;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Rows to insert in one statement, kept column by column and bound as one array per column, for
 * {@code unnest(:a, :b, …)}: any number of rows in a single round trip, with a statement text that
 * does not change with their number (so PostgreSQL plans it once).
 */
public final class Rows {

  private static final Map<Class<?>, String> ELEMENT_TYPES =
      Map.of(
          String.class, "text", Integer.class, "int4", Long.class, "int8", Boolean.class, "bool");

  private final String[] names;
  private final Class<?>[] types;
  private final List<List<Object>> columns = new ArrayList<>();

  /**
   * Declares the columns: pairs of parameter name and element type ({@code String}, {@code
   * Integer}, {@code Long}, {@code Boolean}; numbers and UUIDs as text, cast in SQL).
   */
  public Rows(Object... namesAndTypes) {
    if (namesAndTypes.length == 0 || namesAndTypes.length % 2 != 0) {
      throw new IllegalArgumentException("Columns are declared as name, type pairs");
    }
    int n = namesAndTypes.length / 2;
    names = new String[n];
    types = new Class<?>[n];
    for (int i = 0; i < n; i++) {
      names[i] = (String) namesAndTypes[2 * i];
      types[i] = (Class<?>) namesAndTypes[2 * i + 1];
      if (!ELEMENT_TYPES.containsKey(types[i])) {
        throw new IllegalArgumentException("No array type for " + types[i]);
      }
      columns.add(new ArrayList<>());
    }
  }

  /** Adds a row: one value per declared column, in order; nulls allowed. */
  public Rows add(Object... values) {
    if (values.length != names.length) {
      throw new IllegalArgumentException(
          "A row has " + names.length + " values, not " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      columns.get(i).add(types[i].cast(values[i]));
    }
    return this;
  }

  /** Binds every column as an array parameter of its name (an empty array for no rows). */
  public void bindTo(Sql.Bound statement) throws SQLException {
    for (int i = 0; i < names.length; i++) {
      statement.setArray(names[i], ELEMENT_TYPES.get(types[i]), columns.get(i).toArray());
    }
  }
}
