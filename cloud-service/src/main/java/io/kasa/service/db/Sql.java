package io.kasa.service.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A statement with {@code :named} parameters, parsed once and run with plain JDBC: for the few
 * statements every sale runs, where jdbi's per-call work (finding an argument factory for each
 * value, mapping rows through reflection) cost a quarter of the request threads' time. Quoted
 * literals and {@code ::} casts are left alone.
 */
public final class Sql {

  private final String jdbc;
  private final Map<String, List<Integer>> positions;

  private Sql(String jdbc, Map<String, List<Integer>> positions) {
    this.jdbc = jdbc;
    this.positions = positions;
  }

  public static Sql of(String named) {
    StringBuilder out = new StringBuilder(named.length());
    Map<String, List<Integer>> positions = new LinkedHashMap<>();
    int position = 0;
    int i = 0;
    while (i < named.length()) {
      char ch = named.charAt(i);
      if (ch == '\'') {
        int end = named.indexOf('\'', i + 1);
        if (end < 0) {
          throw new IllegalArgumentException("Unterminated literal in " + named);
        }
        out.append(named, i, end + 1);
        i = end + 1;
      } else if (ch == ':' && i + 1 < named.length() && named.charAt(i + 1) == ':') {
        out.append("::");
        i += 2;
      } else if (ch == ':'
          && i + 1 < named.length()
          && Character.isJavaIdentifierStart(named.charAt(i + 1))) {
        int end = i + 1;
        while (end < named.length() && Character.isJavaIdentifierPart(named.charAt(end))) {
          end++;
        }
        positions
            .computeIfAbsent(named.substring(i + 1, end), k -> new ArrayList<>())
            .add(++position);
        out.append('?');
        i = end;
      } else {
        out.append(ch);
        i++;
      }
    }
    return new Sql(out.toString(), positions);
  }

  /** The statement as JDBC sees it, with a {@code ?} for each parameter. */
  @Override
  public String toString() {
    return jdbc;
  }

  /** Prepares the statement on {@code connection}; close what this returns. */
  public Bound prepare(Connection connection) throws SQLException {
    return new Bound(connection, connection.prepareStatement(jdbc));
  }

  /** A prepared statement whose parameters are set by name. */
  public final class Bound implements AutoCloseable {

    private final Connection connection;
    private final PreparedStatement statement;

    private Bound(Connection connection, PreparedStatement statement) {
      this.connection = connection;
      this.statement = statement;
    }

    /** Sets every use of {@code name} to {@code value} (JDBC's own mapping; null as untyped). */
    public Bound set(String name, Object value) throws SQLException {
      for (int p : at(name)) {
        statement.setObject(p, value);
      }
      return this;
    }

    /** Sets {@code name} to an array of PostgreSQL element type {@code type}. */
    public Bound setArray(String name, String type, Object[] values) throws SQLException {
      java.sql.Array array = connection.createArrayOf(type, values);
      for (int p : at(name)) {
        statement.setArray(p, array);
      }
      return this;
    }

    private List<Integer> at(String name) {
      List<Integer> at = positions.get(name);
      if (at == null) {
        throw new IllegalArgumentException("No parameter :" + name + " in " + jdbc);
      }
      return at;
    }

    public ResultSet query() throws SQLException {
      return statement.executeQuery();
    }

    @Override
    public void close() throws SQLException {
      statement.close();
    }
  }
}
