package io.kasa.client.http;

import java.io.IOException;

/**
 * The service could not be reached or did not answer in time, after the retries the request
 * allowed. Nothing is known about whether a keyed request was recorded: send it again with the same
 * key.
 */
public final class CloudUnreachableException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public CloudUnreachableException(String message, IOException cause) {
    super(message, cause);
  }
}
