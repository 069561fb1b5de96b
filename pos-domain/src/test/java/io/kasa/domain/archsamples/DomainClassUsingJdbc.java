package io.kasa.domain.archsamples;

import java.sql.Connection;

/** Deliberately bad: the domain must not touch a database. */
public final class DomainClassUsingJdbc {

  public boolean isOpen(Connection connection) throws java.sql.SQLException {
    return !connection.isClosed();
  }
}
