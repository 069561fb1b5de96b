package io.kasa.client.store;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;

/**
 * Run in a child JVM by {@link KillDashNineTest}: appends outbox entries as fast as it can and
 * prints each id once its transaction has committed, until it is killed.
 */
public final class AppendUntilKilled {

  private AppendUntilKilled() {}

  public static void main(String[] args) {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    LocalStore store = LocalStore.open(Path.of(args[0]));
    Outbox outbox = new Outbox(store, Clock.systemUTC());
    String body = "{\"lines\":[" + "{\"item\":\"bread\",\"quantity\":\"1\"},".repeat(20) + "{}]}";
    while (true) {
      UUID id = UUID.randomUUID();
      outbox.append(id, "SALE", "/v1/sales", body, null);
      out.println(id);
    }
  }
}
