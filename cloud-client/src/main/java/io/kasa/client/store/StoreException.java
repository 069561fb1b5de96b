package io.kasa.client.store;

/** The local database failed: a disk error, a full disk, a broken file. */
public final class StoreException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public StoreException(String message, Throwable cause) {
    super(message, cause);
  }
}
