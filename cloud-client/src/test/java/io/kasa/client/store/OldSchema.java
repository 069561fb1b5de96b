package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;

/**
 * A terminal's database as an older release left it: the migrations up to a version, no further.
 */
final class OldSchema {

  private OldSchema() {}

  /** Applies migrations 1 to {@code version} to an empty database, recording each. */
  static void upTo(Connection c, int version) throws Exception {
    try (Statement s = c.createStatement()) {
      s.execute(
          "create table schema_version (version integer primary key, name text not null,"
              + " applied_at text not null default (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')))");
      for (int v = 1; v <= version; v++) {
        String name = LocalStore.MIGRATIONS.get(v - 1);
        assertThat(name).startsWith("V" + v + "__");
        try (InputStream in = LocalStore.class.getResourceAsStream(name)) {
          for (String statement :
              LocalStore.statements(new String(in.readAllBytes(), StandardCharsets.UTF_8))) {
            s.execute(statement);
          }
        }
        s.execute("insert into schema_version (version, name) values (" + v + ", '" + name + "')");
      }
    }
  }
}
