package io.kasa.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service's systemd unit and environment file against the real executable jar: every variable
 * the file names is one the service reads, and the jar started as the unit starts it (the file's
 * environment, the JVM options it gives) serves /health and /metrics, then stops cleanly on SIGTERM
 * with the exit status the unit counts as success.
 */
class ServiceUnitIT {

  private static final Path SERVICE = Path.of("src/service");
  private static final Path JAR = Path.of("../cloud-service/target/kasa-cloud.jar");

  /** KEY=VALUE lines as systemd's EnvironmentFile reads them; comments and blanks skipped. */
  static Map<String, String> environmentFile(Path file) throws Exception {
    Map<String, String> env = new LinkedHashMap<>();
    for (String line : Files.readAllLines(file)) {
      String l = line.strip();
      if (l.isEmpty() || l.startsWith("#")) {
        continue;
      }
      int eq = l.indexOf('=');
      env.put(l.substring(0, eq), l.substring(eq + 1));
    }
    return env;
  }

  @Test
  void theUnitStartsTheJarWithTheEnvironmentFile() throws Exception {
    String unit = Files.readString(SERVICE.resolve("kasa-cloud.service"));
    assertThat(unit)
        .contains("EnvironmentFile=/etc/kasa/cloud.env")
        .contains(
            "ExecStart=/usr/bin/java $KASA_JAVA_OPTS -jar /opt/kasa-cloud/kasa-cloud.jar serve")
        .contains("SuccessExitStatus=143")
        .contains("User=kasa-cloud");
  }

  @Test
  void everyVariableTheFileNamesIsOneTheServiceReads() throws Exception {
    // (picocli wraps the descriptions: compared with the line breaks taken out)
    String help =
        run(List.of("java", "-jar", JAR.toString(), "serve", "--help")).replaceAll("\\s+", " ");
    Matcher m =
        Pattern.compile("^#?(KASA_[A-Z_]+)=", Pattern.MULTILINE)
            .matcher(Files.readString(SERVICE.resolve("cloud.env")));
    List<String> named = new ArrayList<>();
    while (m.find()) {
      named.add(m.group(1));
    }
    assertThat(named).contains("KASA_DB", "KASA_DB_PASSWORD", "KASA_PORT", "KASA_TLS_KEYSTORE");
    for (String variable : named) {
      if (!variable.equals("KASA_JAVA_OPTS")) {
        assertThat(help).as(variable).contains("env " + variable);
      }
    }
  }

  @Test
  void startedFromTheEnvironmentItServesAndStopsCleanlyOnSigterm(@TempDir Path dir)
      throws Exception {
    Map<String, String> env = environmentFile(SERVICE.resolve("cloud.env"));
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    // The file as an operator would edit it for a trial: the embedded PostgreSQL, a free port.
    env.put("KASA_DB", "embedded");
    env.put("KASA_DATA_DIR", dir.resolve("pg").toString());
    env.put("KASA_PORT", String.valueOf(port));
    List<String> command = new ArrayList<>(List.of("java"));
    command.addAll(List.of(env.get("KASA_JAVA_OPTS").replace("-Xms512m", "-Xms64m").split(" ")));
    command.addAll(List.of("-jar", JAR.toAbsolutePath().toString(), "serve"));
    ProcessBuilder pb =
        new ProcessBuilder(command).redirectErrorStream(true).directory(dir.toFile());
    pb.environment().putAll(env);
    Process service = pb.start();
    try {
      CompletableFuture<String> listening = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(service.getInputStream(), StandardCharsets.UTF_8))) {
                  for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("listening on port")) {
                      listening.complete(line);
                    }
                  }
                  listening.completeExceptionally(new IllegalStateException("exited"));
                } catch (Exception e) {
                  listening.completeExceptionally(e);
                }
              });
      reader.setDaemon(true);
      reader.start();
      assertThat(listening.get(120, TimeUnit.SECONDS)).contains("port " + port);
      HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
      URI base = URI.create("http://127.0.0.1:" + port);
      assertThat(get(http, base.resolve("/health"), null).statusCode()).isEqualTo(200);
      assertThat(get(http, base.resolve("/metrics"), null).statusCode()).isEqualTo(401);
      HttpResponse<String> metrics =
          get(http, base.resolve("/metrics"), env.get("KASA_METRICS_TOKEN"));
      assertThat(metrics.statusCode()).isEqualTo(200);
      assertThat(metrics.body()).contains("hikaricp_connections{pool=\"kasa\"}");
      service.destroy(); // SIGTERM, as systemctl stop sends
      assertThat(service.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(service.exitValue()).isEqualTo(143);
    } finally {
      service.destroyForcibly();
    }
  }

  private static HttpResponse<String> get(HttpClient http, URI uri, String token) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String run(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return out;
  }
}
