package io.kasa.service.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded PostgreSQL's promises, checked on real servers in temporary folders. */
class EmbeddedPostgresTest {

  @TempDir Path dir;

  @Test
  void runsDurablyWithAnOwnerOnlyPasswordOnLoopbackOnlyAndRefusesConnectionsWithoutIt()
      throws Exception {
    Path folder = dir.resolve("data");
    try (EmbeddedPostgres pg = EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE)) {
      Path secret = folder.resolve("pg.password");
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret)))
          .isEqualTo("rw-------");
      assertThat(Files.readString(secret).strip()).isEqualTo(pg.password()).hasSize(43);
      assertThat(rules(folder)).isNotEmpty().allMatch(line -> line.endsWith(" scram-sha-256"));
      assertThat(Files.readString(folder.resolve("postgresql.log"))).doesNotContain(pg.password());

      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
        assertThat(show(c, "fsync")).isEqualTo("on");
        assertThat(show(c, "synchronous_commit")).isEqualTo("on");
        assertThat(show(c, "full_page_writes")).isEqualTo("on");
        assertThat(show(c, "listen_addresses")).isEqualTo("127.0.0.1");
        assertThat(show(c, "unix_socket_directories")).isEmpty();
        assertThat(show(c, "password_encryption")).isEqualTo("scram-sha-256");
      }
      assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), ""))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("The server requested SCRAM-based authentication");
      assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), "guess"))
          .isInstanceOf(SQLException.class)
          .hasMessageContaining("password authentication failed");
    }
  }

  @Test
  void aFolderMadeWithTrustByAnEarlierKasaGetsAPasswordAndLosesTrustOnItsNextStart()
      throws Exception {
    Path folder = dir.resolve("old");
    Path pgData = folder.resolve("pg");
    Files.createDirectories(folder);
    // What Kasa before ADR 0017 made (through zonky): initdb with trust, and its lock file.
    run(
        Binaries.get()
            .command(
                "initdb", "-A", "trust", "-U", "postgres", "-D", pgData.toString(), "-E", "UTF-8"));
    Files.writeString(pgData.resolve("epg-lock"), "");
    assertThat(rules(folder)).anyMatch(line -> line.endsWith(" trust"));

    try (EmbeddedPostgres pg = EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE)) {
      assertThat(rules(folder)).isNotEmpty().allMatch(line -> line.endsWith(" scram-sha-256"));
      assertThat(Files.exists(pgData.resolve("epg-lock"))).isFalse();
      try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password())) {
        assertThat(show(c, "fsync")).isEqualTo("on");
      }
      assertThatThrownBy(() -> DriverManager.getConnection(pg.jdbcUrl(), pg.user(), ""))
          .isInstanceOf(SQLException.class);
    }
  }

  @Test
  void aServerLeftRunningInTheFolderIsStoppedAndAStrangerNamedInItsPidFileIsLeftAlone()
      throws Exception {
    Path folder = dir.resolve("data");
    Path pgData = folder.resolve("pg");
    EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE).close();

    // A server of this folder whose owner died without its watchdog.
    run(
        Binaries.get()
            .command(
                "pg_ctl",
                "-D",
                pgData.toString(),
                "-l",
                folder.resolve("postgresql.log").toString(),
                "-o",
                "-p " + Cluster.freePort() + " -c listen_addresses=127.0.0.1",
                "-w",
                "start"));
    long orphan = Postmaster.PidFile.read(pgData).orElseThrow().pid();
    try (EmbeddedPostgres pg = EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE)) {
      assertThat(Postmaster.alive(orphan)).as("the orphan is stopped").isFalse();
      assertThat(Postmaster.PidFile.read(pgData).orElseThrow().pid()).isNotEqualTo(orphan);
      assertThat(query(pg, "select 1")).isEqualTo("1");
    }

    // A pid file left by a killed server, whose PID another program has now.
    Process stranger = new ProcessBuilder("sleep", "300").start();
    try {
      Files.write(
          pgData.resolve("postmaster.pid"),
          List.of(
              Long.toString(stranger.pid()),
              pgData.toString(),
              "1796325160",
              "5432",
              "",
              "127.0.0.1",
              "  2156852    2147480000",
              "ready   "),
          StandardCharsets.UTF_8);
      try (EmbeddedPostgres pg = EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE)) {
        assertThat(query(pg, "select 1")).isEqualTo("1");
        assertThat(stranger.isAlive()).as("the stranger is not signalled").isTrue();
      }
    } finally {
      stranger.destroy();
    }
  }

  @Test
  void whenPostgresCannotStartTheMessageGivesItsReason() throws Exception {
    Path folder = dir.resolve("data");
    EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE).close();
    Files.writeString(
        folder.resolve("pg").resolve("postgresql.conf"),
        "\nshared_buffers = 'plenty'\n",
        StandardOpenOption.APPEND);

    assertThatThrownBy(() -> EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("PostgreSQL did not start in")
        .hasMessageContaining("invalid value for parameter \"shared_buffers\": \"plenty\"")
        .hasMessageContaining("postgresql.log");
    // The failed start let go of the folder: another try is not refused as "held".
    assertThatThrownBy(() -> EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.ADMIN))
        .hasMessageContaining("shared_buffers");
  }

  @Test
  void aSecondServiceIsRefusedWhileAnAdminCommandWorksBesideTheFirstAndLeavesItRunning()
      throws Exception {
    Path folder = dir.resolve("data");
    try (EmbeddedPostgres served = EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE)) {
      assertThatThrownBy(() -> EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("is already served by this process");

      try (EmbeddedPostgres admin = EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.ADMIN)) {
        assertThat(admin.jdbcUrl()).isEqualTo(served.jdbcUrl());
        assertThat(query(admin, "select 2")).isEqualTo("2");
      }
      assertThat(query(served, "select 3")).as("the service's server still runs").isEqualTo("3");
    }
  }

  @Test
  void aPostmasterThatDiesIsStartedAgainOnTheSamePort() throws Exception {
    Path folder = dir.resolve("data");
    Path pgData = folder.resolve("pg");
    try (EmbeddedPostgres pg = EmbeddedPostgres.open(folder, EmbeddedPostgres.Use.SERVE)) {
      long killed = Postmaster.PidFile.read(pgData).orElseThrow().pid();
      ProcessHandle.of(killed).orElseThrow().destroyForcibly();

      await("PostgreSQL answers again").atMost(Duration.ofSeconds(60)).until(() -> answers(pg));
      assertThat(Postmaster.PidFile.read(pgData).orElseThrow().pid()).isNotEqualTo(killed);
    }
  }

  private static boolean answers(EmbeddedPostgres pg) {
    try {
      return query(pg, "select 1").equals("1");
    } catch (SQLException notYet) {
      return false;
    }
  }

  /** The rules of pg_hba.conf, without comments and blank lines, spaces squeezed. */
  private static List<String> rules(Path folder) throws IOException {
    return Files.readAllLines(folder.resolve("pg").resolve("pg_hba.conf")).stream()
        .map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#"))
        .map(l -> l.replaceAll("\\s+", " "))
        .toList();
  }

  private static String show(Connection c, String setting) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet r = s.executeQuery("show " + setting)) {
      r.next();
      return r.getString(1);
    }
  }

  private static String query(EmbeddedPostgres pg, String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
        Statement s = c.createStatement();
        ResultSet r = s.executeQuery(sql)) {
      r.next();
      return r.getString(1);
    }
  }

  private static void run(List<String> command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
  }
}
