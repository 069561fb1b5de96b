package io.kasa.client.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;

/** Small named settings of this terminal (the service's URL, …), kept in the local database. */
public final class LocalSettings {

  private final LocalStore store;

  public LocalSettings(LocalStore store) {
    this.store = store;
  }

  public Optional<String> get(String name) {
    return store.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement("select value from local_setting where name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) {
              return r.next() ? Optional.of(r.getString(1)) : Optional.empty();
            }
          }
        });
  }

  public void put(String name, String value) {
    store.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into local_setting (name, value) values (?, ?)"
                      + " on conflict (name) do update set value = excluded.value")) {
            s.setString(1, name);
            s.setString(2, value);
            s.executeUpdate();
          }
          return null;
        });
  }
}
