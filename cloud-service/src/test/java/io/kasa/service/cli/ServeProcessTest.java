package io.kasa.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kasa-cloud serve} and {@code admin} as separate processes on one data folder, as an
 * operator runs them: the service's JVM killed and started again, admin commands beside it.
 */
class ServeProcessTest {

  private static final Pattern LISTENING = Pattern.compile("kasa-cloud listening on port (\\d+)");

  @TempDir Path dir;

  private final List<Process> started = new ArrayList<>();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  @AfterEach
  void stopAll() throws InterruptedException {
    for (Process p : started) {
      p.destroy();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  @Test
  void aKilledServiceLeavesNoPostgresBehindAndTheNextServeStartsAtOnce() throws Exception {
    Path data = dir.resolve("data");
    Serve first = serve(data);
    long postmaster = postmaster(data);

    first.process().destroyForcibly();
    await("the watchdog stops the killed service's PostgreSQL")
        .atMost(Duration.ofSeconds(30))
        .until(() -> !alive(postmaster));
    assertThat(Files.readString(data.resolve("postgresql.log")))
        .contains(
            "kasa-cloud watchdog: the service is gone; stopping PostgreSQL (PID " + postmaster);

    Serve second = serve(data);
    assertThat(health(second.port())).contains("\"database\":\"UP\"");
  }

  @Test
  void aServiceKilledWithItsWatchdogHasItsPostgresStoppedByTheNextServe() throws Exception {
    Path data = dir.resolve("data");
    Serve first = serve(data);
    long postmaster = postmaster(data);
    ProcessHandle watchdog =
        first
            .process()
            .children()
            .filter(c -> c.info().commandLine().orElse("").contains("kasa-postgres-watchdog"))
            .findFirst()
            .orElseThrow();

    // Frozen first, so that the service cannot start another watchdog in between.
    signal("STOP", first.process().pid());
    watchdog.destroyForcibly();
    first.process().destroyForcibly();
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(alive(postmaster)).as("the orphaned PostgreSQL still runs").isTrue();

    Serve second = serve(data);
    assertThat(alive(postmaster)).as("stopped by the next serve").isFalse();
    assertThat(postmaster(data)).isNotEqualTo(postmaster);
    assertThat(health(second.port())).contains("\"database\":\"UP\"");
    assertThat(second.log()).contains("still runs in").contains("without its service");
  }

  @Test
  void adminCommandsWorkBesideARunningServiceAndASecondServeIsRefused() throws Exception {
    Path data = dir.resolve("data");
    Serve service = serve(data);

    Run seeded = kasaCloud("admin", "seed-demo", "--data", data.toString());
    assertThat(seeded.code()).as(seeded.err()).isZero();
    Matcher ids = Pattern.compile("organisation (\\S+)\\nstore (\\S+)").matcher(seeded.out());
    assertThat(ids.find()).as(seeded.out()).isTrue();
    Path csv = dir.resolve("items.csv");
    Files.writeString(
        csv,
        "id,sku,name,barcodes,unit,price,tax_class,category,open_price,age_restricted,active\n"
            + "6a1c3e52-0d4f-4c57-9b5e-1f6b2b7c9a01,S-1,Хліб,4820000000011,EACH,21.50,VAT20,,,,\n",
        StandardCharsets.UTF_8);
    Run imported =
        kasaCloud(
            "admin",
            "import-catalog",
            "--data",
            data.toString(),
            "--org",
            ids.group(1),
            csv.toString());
    assertThat(imported.out()).as(imported.err()).contains("1 item(s) imported");
    Run terminal =
        kasaCloud(
            "admin",
            "create-terminal",
            "--data",
            data.toString(),
            "--org",
            ids.group(1),
            "--store",
            ids.group(2),
            "--code",
            "T2",
            "--name",
            "Till 2");
    assertThat(terminal.code()).as(terminal.err()).isZero();
    Matcher code = Pattern.compile("enrollment code (\\S+)").matcher(terminal.out());
    assertThat(code.find()).isTrue();

    // The terminal enrolls with the running service: the admin commands wrote to its database.
    HttpResponse<String> enrolled =
        http.send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + service.port() + "/v1/terminals/enroll"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + code.group(1) + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(enrolled.statusCode()).as(enrolled.body()).isEqualTo(201);

    Run second = kasaCloud("serve", "--data", data.toString(), "--port", "0");
    assertThat(second.code()).isEqualTo(1);
    assertThat(second.err())
        .contains("is already served by PID " + service.process().pid() + " (a running service)");
    assertThat(health(service.port())).contains("\"database\":\"UP\"");
  }

  record Serve(Process process, int port, Path stderr) {
    String log() throws IOException {
      return Files.readString(stderr);
    }
  }

  /** Starts {@code serve} on {@code data} in a JVM of its own and waits until it listens. */
  private Serve serve(Path data) throws IOException {
    Path out = Files.createTempFile(dir, "serve", ".out");
    Path err = Files.createTempFile(dir, "serve", ".err");
    Process p =
        new ProcessBuilder(java("serve", "--data", data.toString(), "--port", "0"))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    started.add(p);
    int[] port = new int[1];
    await("serve listens (or fails: " + err + ")")
        .atMost(Duration.ofSeconds(120))
        .until(
            () -> {
              Matcher m = LISTENING.matcher(Files.readString(out));
              if (m.find()) {
                port[0] = Integer.parseInt(m.group(1));
                return true;
              }
              assertThat(p.isAlive()).as("serve ended: %s", Files.readString(err)).isTrue();
              return false;
            });
    return new Serve(p, port[0], err);
  }

  record Run(int code, String out, String err) {}

  /** Runs a kasa-cloud command in a JVM of its own to its end. */
  private Run kasaCloud(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "run", ".out");
    Path err = Files.createTempFile(dir, "run", ".err");
    Process p =
        new ProcessBuilder(java(args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ends", List.of(args)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static List<String> java(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    // Short-lived JVMs: compiling less starts them sooner.
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KasaCloud.class.getName());
    command.addAll(List.of(args));
    return command;
  }

  private String health(int port) throws IOException, InterruptedException {
    return http.send(
            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health")).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }

  private static long postmaster(Path data) throws IOException {
    return Long.parseLong(
        Files.readAllLines(data.resolve("pg").resolve("postmaster.pid")).get(0).strip());
  }

  /** Alive and not a zombie (an orphan's parent may take a moment to reap it). */
  private static boolean alive(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      return stat.charAt(stat.lastIndexOf(')') + 2) != 'Z';
    } catch (IOException gone) {
      return false;
    }
  }

  private static void signal(String name, long pid) throws IOException, InterruptedException {
    assertThat(new ProcessBuilder("kill", "-" + name, Long.toString(pid)).start().waitFor())
        .isZero();
  }
}
