package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal killed with SIGKILL in the middle of writing loses nothing it had confirmed: every
 * entry whose commit returned is in the outbox when the store is opened again.
 */
class KillDashNineTest {

  @TempDir Path dir;

  @Test
  void everyConfirmedEntrySurvivesAKill() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                AppendUntilKilled.class.getName(),
                dir.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    List<UUID> confirmed = new ArrayList<>();
    try (BufferedReader lines =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = lines.readLine()) != null) {
        confirmed.add(UUID.fromString(line.trim()));
        if (confirmed.size() == 300) {
          child.destroyForcibly(); // SIGKILL: no shutdown hooks, no flushing
          break;
        }
      }
    }
    assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(child.exitValue()).isEqualTo(137);

    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, Clock.systemUTC());
      for (UUID id : confirmed) {
        assertThat(outbox.find(id)).as("entry %s", id).isPresent();
      }
      assertThat(outbox.stats().unsent()).isGreaterThanOrEqualTo(confirmed.size());
    }
  }
}
