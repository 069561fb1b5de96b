package io.kasa.client.archsamples;

/** Stands in for a cloud-client class in the deliberately bad samples. */
public final class FakeCloudClient {

  public String submit() {
    return "sent";
  }
}
