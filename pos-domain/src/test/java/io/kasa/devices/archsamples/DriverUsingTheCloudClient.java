package io.kasa.devices.archsamples;

import io.kasa.client.archsamples.FakeCloudClient;

/** Deliberately bad: a device driver must not reach into the cloud modules. */
public final class DriverUsingTheCloudClient {

  public String print(FakeCloudClient client) {
    return client.submit();
  }
}
