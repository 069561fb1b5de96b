package io.kasa.service.db;

import java.sql.SQLException;

/** A database failure from a plain-JDBC statement ({@link Sql}), as jdbi reports its own. */
public final class UncheckedSqlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public UncheckedSqlException(SQLException cause) {
    super(cause.getMessage(), cause);
  }
}
