package io.kasa.service.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kasa-cloud serve} takes cards only with a card processor named on its command line (ADR
 * 0031): without {@code --payments} it says card payments are off and refuses a card; an unknown
 * name stops it before it starts.
 */
class ServePaymentsTest {

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
  void serveWithoutAProcessorSaysCardPaymentsAreOffAndRefusesACard() throws Exception {
    Path data = dir.resolve("data");
    Serve service = serve("--data", data.toString(), "--port", "0");
    assertThat(service.out()).contains("Card payments are off", "--payments");

    Run seeded = kasaCloud("admin", "seed-demo", "--data", data.toString());
    Matcher ids = Pattern.compile("organisation (\\S+)\\nstore (\\S+)").matcher(seeded.out());
    assertThat(ids.find()).as(seeded.out() + seeded.err()).isTrue();
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
    Matcher code = Pattern.compile("enrollment code (\\S+)").matcher(terminal.out());
    assertThat(code.find()).as(terminal.out() + terminal.err()).isTrue();
    String credential =
        post(
                service.port(),
                "/v1/terminals/enroll",
                "{\"code\":\"" + code.group(1) + "\"}",
                Map.of())
            .replaceAll("(?s).*\"credential\":\"([^\"]+)\".*", "$1");
    String session =
        post(
                service.port(),
                "/v1/sessions",
                "{\"pin\":\"1111\"}",
                Map.of("Authorization", "Bearer " + credential))
            .replaceAll("(?s).*\"token\":\"([^\"]+)\".*", "$1");

    HttpResponse<String> card =
        send(
            service.port(),
            "/v1/card-authorisations",
            "{\"tenderId\":\""
                + UUID.randomUUID()
                + "\",\"saleId\":\""
                + UUID.randomUUID()
                + "\",\"amount\":100,\"cardToken\":\"tok_approve\"}",
            Map.of("Authorization", "Bearer " + credential, "Kasa-Session", session));

    assertThat(card.statusCode()).as(card.body()).isEqualTo(422);
    assertThat(card.body()).contains("card-payments-unavailable", "--payments");
  }

  @Test
  void serveWithTheTestProcessorSaysNoMoneyMoves() throws Exception {
    Serve service =
        serve("--data", dir.resolve("data").toString(), "--port", "0", "--payments", "test");

    assertThat(service.out()).contains("TEST processor", "no money moves");
  }

  @Test
  void anUnknownProcessorStopsServeBeforeItStarts() throws Exception {
    Run run = kasaCloud("serve", "--data", dir.resolve("data").toString(), "--payments", "acmepay");

    assertThat(run.code()).isEqualTo(1);
    assertThat(run.err()).contains("No card processor is called 'acmepay'; known: test");
    assertThat(dir.resolve("data")).doesNotExist();
  }

  record Serve(Process process, int port, Path stdout) {
    String out() throws IOException {
      return Files.readString(stdout);
    }
  }

  private Serve serve(String... args) throws IOException {
    Path out = Files.createTempFile(dir, "serve", ".out");
    Path err = Files.createTempFile(dir, "serve", ".err");
    List<String> command = new ArrayList<>(List.of("serve"));
    command.addAll(List.of(args));
    Process p =
        process(command.toArray(String[]::new))
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
    return new Serve(p, port[0], out);
  }

  record Run(int code, String out, String err) {}

  private Run kasaCloud(String... args) throws IOException, InterruptedException {
    Path out = Files.createTempFile(dir, "run", ".out");
    Path err = Files.createTempFile(dir, "run", ".err");
    Process p = process(args).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s ends", List.of(args)).isTrue();
    return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static ProcessBuilder process(String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KasaCloud.class.getName());
    command.addAll(List.of(args));
    ProcessBuilder b = new ProcessBuilder(command);
    // Only the command line names the processor here.
    b.environment().remove("KASA_PAYMENTS");
    return b;
  }

  private String post(int port, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpResponse<String> r = send(port, path, body, headers);
    assertThat(r.statusCode()).as(path + ": " + r.body()).isEqualTo(201);
    return r.body();
  }

  private HttpResponse<String> send(int port, String path, String body, Map<String, String> headers)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
