package io.kasa.domain.archsamples;

import io.kasa.client.archsamples.FakeCloudClient;

/** Deliberately bad: the domain must not know the cloud client. */
public final class DomainClassUsingTheCloudClient {

  public String pay(FakeCloudClient client) {
    return client.submit();
  }
}
