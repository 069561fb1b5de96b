package io.kasa.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A migration added after others have landed must come after all of them: a database that has run
 * V29 refuses to start when a V28 appears later (Flyway's validation), so an upgrade would stop the
 * service. The landed ones are listed in {@code landed-migrations.txt}.
 */
class MigrationOrderTest {

  private static final Pattern VERSION = Pattern.compile("V(\\d+)__.+\\.sql");

  @Test
  void everyNewMigrationComesAfterEveryLandedOneAndNoLandedOneIsRenamed() throws Exception {
    List<String> landed = landed();
    List<String> present = present();
    assertThat(present).as("landed migrations are never renamed or removed").containsAll(landed);
    int highestLanded = landed.stream().mapToInt(MigrationOrderTest::version).max().orElse(0);
    assertThat(
            present.stream()
                .filter(name -> !landed.contains(name))
                .filter(name -> version(name) <= highestLanded))
        .as("new migrations numbered at or below V%d, the highest landed", highestLanded)
        .isEmpty();
  }

  @Test
  void theCheckSeesAVersionBelowTheHighestLanded() {
    assertThat(version("V7__post_void.sql")).isEqualTo(7);
    assertThat(version("V34__journal_retention.sql")).isEqualTo(34);
  }

  private static int version(String name) {
    Matcher m = VERSION.matcher(name);
    assertThat(m.matches()).as("a migration's name: %s", name).isTrue();
    return Integer.parseInt(m.group(1));
  }

  private static List<String> landed() throws IOException {
    try (InputStream in = MigrationOrderTest.class.getResourceAsStream("/landed-migrations.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8)
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .toList();
    }
  }

  private static List<String> present() throws IOException, URISyntaxException {
    URL folder = MigrationOrderTest.class.getResource("/db/migration");
    try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".sql")).toList();
    }
  }
}
