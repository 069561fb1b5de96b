package io.kasa.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.kasa.api.auth.PinHasher;
import io.kasa.service.admin.AdminService;
import io.kasa.service.admin.DemoData;
import io.kasa.service.db.Database;
import io.kasa.service.db.Invalidations;
import io.kasa.service.http.CloudApp;
import io.kasa.service.http.Json;
import io.kasa.service.sales.PaymentProcessor;
import io.kasa.service.sales.TestPaymentProcessor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * The real service on a random port over an embedded PostgreSQL, with the demo data, for tests that
 * talk to it over HTTP like a terminal does.
 */
public final class TestCloud implements AutoCloseable {

  public static final ObjectMapper JSON = Json.mapper();

  public final Database database;
  public final CloudServices services;
  public final Javalin app;
  public final DemoData.Seeded demo;
  private final Path dir;
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  public TestCloud() throws IOException {
    this(new TestPaymentProcessor());
  }

  public TestCloud(PaymentProcessor processor) throws IOException {
    this(processor, Clock.systemUTC());
  }

  /** The service on {@code clock}, e.g. a {@link MutableClock} a test moves on. */
  public TestCloud(PaymentProcessor processor, Clock clock) throws IOException {
    dir = Files.createTempDirectory("kasa-cloud-test");
    database = Database.embedded(dir, 40);
    // Few PBKDF2 iterations keep tests fast; production uses PinHasher.DEFAULT_ITERATIONS.
    services =
        new CloudServices(database, processor, new PinHasher(1_000), "metrics-secret", clock);
    demo = DemoData.seed(services.admin());
    app = CloudApp.create(services.app()).start(0);
  }

  /** The embedded PostgreSQL's data folder ({@code pg/} inside is PostgreSQL's own). */
  public Path dataDirectory() {
    return dir;
  }

  public URI uri(String path) {
    return URI.create("http://127.0.0.1:" + app.port() + path);
  }

  /** A response with its status, headers and body. */
  public record Reply(int status, String contentType, String body) {
    public JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }
  }

  public Reply send(String method, String path, String body, Map<String, String> headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(uri(path))
            .timeout(Duration.ofSeconds(30))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    if (body != null && !headers.containsKey("Content-Type")) {
      b.header("Content-Type", "application/json");
    }
    headers.forEach(b::header);
    try {
      HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body());
    } catch (IOException e) {
      throw new AssertionError(method + " " + path + " with " + headers + " failed: " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /**
   * A PKCS#12 key store {@code dir/kasa.p12} (password {@code changeit}, alias {@code kasa}) with a
   * self-signed certificate for localhost and 127.0.0.1, made by the JDK's keytool; its certificate
   * is also exported to {@code dir/kasa.pem}.
   */
  public static Path selfSignedKeystore(Path dir) throws IOException, InterruptedException {
    Path keystore = dir.resolve("kasa.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        keytool,
        "-genkeypair",
        "-alias",
        "kasa",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-validity",
        "2",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-storetype",
        "PKCS12",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-keypass",
        "changeit");
    run(
        keytool,
        "-exportcert",
        "-rfc",
        "-alias",
        "kasa",
        "-keystore",
        keystore.toString(),
        "-storepass",
        "changeit",
        "-file",
        dir.resolve("kasa.pem").toString());
    return keystore;
  }

  private static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output =
        new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException(String.join(" ", command) + " failed: " + output);
    }
  }

  /** Enrolls the demo terminal and returns its Authorization header value. */
  public String enrollDemoTerminal() {
    Reply r =
        send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + demo.terminal().enrollmentCode() + "\",\"deviceName\":\"test\"}",
            Map.of());
    if (r.status() != 201) {
      throw new AssertionError("enroll failed: " + r);
    }
    return "Bearer " + r.json().get("credential").asText();
  }

  /** A terminal created and enrolled: its id and its Authorization header value. */
  public record Enrolled(UUID id, String authorization) {}

  /** Creates a terminal of the demo store and enrolls it. */
  public Enrolled enrollTerminal(String code, String name) {
    AdminService.NewTerminal created =
        services.admin().createTerminal(demo.organisationId(), demo.storeId(), code, name);
    Reply r =
        send(
            "POST",
            "/v1/terminals/enroll",
            "{\"code\":\"" + created.enrollmentCode() + "\"}",
            Map.of());
    if (r.status() != 201) {
      throw new AssertionError("enroll failed: " + r);
    }
    return new Enrolled(created.terminalId(), "Bearer " + r.json().get("credential").asText());
  }

  /** Signs an employee in and returns the session token. */
  public String signIn(String authorization, String employeeId, String pin) {
    Reply r =
        send(
            "POST",
            "/v1/sessions",
            "{\"employeeId\":\"" + employeeId + "\",\"pin\":\"" + pin + "\"}",
            Map.of("Authorization", authorization));
    if (r.status() != 201) {
      throw new AssertionError("sign-in failed: " + r);
    }
    return r.json().get("token").asText();
  }

  /** The headers of an employee signed in on a terminal: its Authorization and a Kasa-Session. */
  public Map<String, String> signedIn(String authorization, UUID employee, String pin) {
    return Map.of(
        "Authorization",
        authorization,
        "Kasa-Session",
        signIn(authorization, employee.toString(), pin));
  }

  /** The password {@link #officeAccount} gives every back-office account it makes. */
  public static final String OFFICE_PASSWORD = "correct horse battery";

  /**
   * A new back-office account of {@code org} with {@code role}, for {@code stores} (empty: all),
   * its password {@link #OFFICE_PASSWORD}; answers its email.
   */
  public String officeAccount(UUID org, String role, java.util.List<UUID> stores) {
    String email = "s" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    services.officeAccounts().create(org, email, role, stores, OFFICE_PASSWORD);
    return email;
  }

  /** The Authorization header of a session of {@code email} from POST /v1/office/sessions. */
  public Map<String, String> officeBearer(String email) {
    Reply r =
        send(
            "POST",
            "/v1/office/sessions",
            "{\"email\":\"" + email + "\",\"password\":\"" + OFFICE_PASSWORD + "\"}",
            Map.of());
    if (r.status() != 201) {
      throw new AssertionError("office sign-in failed: " + r);
    }
    return Map.of("Authorization", "Bearer " + r.json().get("token").asText());
  }

  /** The Cookie header of a back-office page signed in as {@code email} (its session's token). */
  public String officeCookie(String email) {
    return "kasa_office=" + officeBearer(email).get("Authorization").substring("Bearer ".length());
  }

  /** A GET of a back-office page as {@code cookie}'s session, as a browser without script asks. */
  public java.net.http.HttpResponse<String> officePage(String path, String cookie) {
    try {
      return java.net.http.HttpClient.newHttpClient()
          .send(
              java.net.http.HttpRequest.newBuilder(uri(path)).header("Cookie", cookie).build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A POST with the caller's headers and, when {@code key} is not null, an Idempotency-Key. */
  public Reply post(Map<String, String> who, String path, String key, String body) {
    Map<String, String> headers = new java.util.HashMap<>(who);
    if (key != null) {
      headers.put("Idempotency-Key", key);
    }
    return send("POST", path, body, headers);
  }

  /** How many audit log entries record {@code action}. */
  public long audited(String action) {
    return database
        .jdbi()
        .withHandle(
            h ->
                h.createQuery("select count(*) from audit_log where action = :a")
                    .bind("a", action)
                    .mapTo(Long.class)
                    .one());
  }

  /**
   * Runs a statement on the service's database ({@code ?} for each argument), as a fixture, like an
   * operator's SQL from outside the service; returns once the service has heard of it (ADR 0016).
   */
  public void execute(String sql, Object... args) {
    database.jdbi().useHandle(h -> h.execute(sql, args));
    awaitHeard();
  }

  /**
   * Waits until the service's change listener has heard every change committed so far: it hears
   * notifications in commit order, so once it has heard one sent now on each channel, it has heard
   * all before them.
   */
  public void awaitHeard() {
    Invalidations changes = services.invalidations();
    long auth = changes.stamp(Invalidations.Topic.AUTH);
    long catalog = changes.stamp(Invalidations.Topic.CATALOG);
    database
        .jdbi()
        .useHandle(
            h ->
                h.execute(
                    "select pg_notify('kasa_auth', 'test'), pg_notify('kasa_catalog', 'test')"));
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    // While the listener is not trusted nothing is cached, and there is nothing to wait for.
    while (changes.trusted()
        && (changes.stamp(Invalidations.Topic.AUTH) == auth
            || changes.stamp(Invalidations.Topic.CATALOG) == catalog)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("The service did not hear the change in 10 s");
      }
      java.util.concurrent.locks.LockSupport.parkNanos(100_000);
    }
  }

  public long count(String table) {
    return database
        .jdbi()
        .withHandle(h -> h.createQuery("select count(*) from " + table).mapTo(Long.class).one());
  }

  @Override
  public void close() throws IOException {
    services.close();
    app.stop();
    database.close();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }
}
