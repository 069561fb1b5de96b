package io.kasa.devices;

/** A device URI that cannot be used; the message names the part that is wrong. */
public final class InvalidDeviceUriException extends IllegalArgumentException {

  private final String uri;

  public InvalidDeviceUriException(String uri, String problem) {
    super("Bad device URI '" + uri + "': " + problem);
    this.uri = uri;
  }

  public String uri() {
    return uri;
  }
}
