package io.kasa.client.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kasa.api.Headers;
import io.kasa.api.Problem;
import io.kasa.api.auth.ApprovalRequest;
import io.kasa.api.auth.ApprovalResponse;
import io.kasa.api.auth.EnrollRequest;
import io.kasa.api.auth.EnrollResponse;
import io.kasa.api.auth.SessionResponse;
import io.kasa.api.auth.SignInRequest;
import io.kasa.api.catalog.CatalogChanges;
import io.kasa.api.floor.AddLineRequest;
import io.kasa.api.floor.AreaDto;
import io.kasa.api.floor.AreaRequest;
import io.kasa.api.floor.CheckDto;
import io.kasa.api.floor.FloorDto;
import io.kasa.api.floor.MergeRequest;
import io.kasa.api.floor.MoveRequest;
import io.kasa.api.floor.PartyDto;
import io.kasa.api.floor.PartyRequest;
import io.kasa.api.floor.PartyStatusRequest;
import io.kasa.api.floor.SeatRequest;
import io.kasa.api.floor.SplitRequest;
import io.kasa.api.floor.SplitResult;
import io.kasa.api.floor.TableDto;
import io.kasa.api.floor.TableRequest;
import io.kasa.api.floor.VersionRequest;
import io.kasa.api.sales.RefundRequestDto;
import io.kasa.api.sales.RefundResponse;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.SaleResponse;
import io.kasa.api.sales.VoidSaleRequest;
import io.kasa.api.shifts.CashMovementRequest;
import io.kasa.api.shifts.CloseShiftRequest;
import io.kasa.api.shifts.OpenShiftRequest;
import io.kasa.api.shifts.ShiftDto;
import io.kasa.api.shifts.ShiftReport;
import io.kasa.api.terminal.DeviceSetup;
import io.kasa.api.terminal.TerminalConfig;
import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * Typed calls of the cloud API over one shared OkHttp client. Writes that create something carry
 * the created thing's UUID as {@code Idempotency-Key}, so a retry — by the client, or by the outbox
 * after a restart — is recorded once. Errors come back as {@link CloudProblemException} (the
 * service answered) or {@link CloudUnreachableException} (it did not).
 */
public final class CloudClient implements AutoCloseable {

  private static final MediaType JSON_TYPE = MediaType.get("application/json");

  /** Three of the service's keep-alive comments may go missing before a stream counts as dead. */
  public static final java.time.Duration STREAM_READ_TIMEOUT = java.time.Duration.ofSeconds(35);

  private final OkHttpClient http;
  private final OkHttpClient streams;
  private final HttpUrl base;
  private final Credentials credentials;
  private final ObjectMapper json;

  public CloudClient(CloudClientConfig config, Credentials credentials) {
    this(config, credentials, wait -> Thread.sleep(wait.toMillis()));
  }

  CloudClient(CloudClientConfig config, Credentials credentials, RetryInterceptor.Sleeper sleeper) {
    this.base = HttpUrl.get(config.baseUrl().toString());
    this.credentials = credentials;
    this.json = mapper();
    OkHttpClient.Builder b =
        new OkHttpClient.Builder()
            .connectTimeout(config.connectTimeout())
            .readTimeout(config.readTimeout())
            .writeTimeout(config.readTimeout())
            .callTimeout(config.callTimeout())
            // Our own retry policy decides what may be sent twice.
            .retryOnConnectionFailure(false)
            .addInterceptor(new AuthInterceptor(credentials))
            .addInterceptor(
                new RetryInterceptor(
                    config, sleeper, new SecureRandom(), System::currentTimeMillis))
            .addInterceptor(new LogInterceptor());
    if (!config.certificatePins().isEmpty()) {
      CertificatePinner.Builder pins = new CertificatePinner.Builder();
      config.certificatePins().forEach(pin -> pins.add(base.host(), pin));
      b.certificatePinner(pins.build());
    }
    if (config.trustedCertificate() != null) {
      X509TrustManager trust = Trust.systemPlus(config.trustedCertificate());
      b.sslSocketFactory(Trust.socketFactory(trust), trust);
    }
    this.http = b.build();
    // Event streams stay open: no call timeout, no retries, and a read timeout well past the
    // service's keep-alive comments, so a dead connection is noticed.
    OkHttpClient.Builder stream =
        http.newBuilder().callTimeout(java.time.Duration.ZERO).readTimeout(STREAM_READ_TIMEOUT);
    stream.interceptors().removeIf(RetryInterceptor.class::isInstance);
    this.streams = stream.build();
  }

  /** Lenient on input (a newer service may add fields), ISO dates on output. */
  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  public Credentials credentials() {
    return credentials;
  }

  // --- terminal and employees

  /**
   * Enrolls this terminal with a one-time code and keeps the credential it gets; retried like any
   * keyed write under a key made for this call.
   */
  public EnrollResponse enroll(String code, String deviceName) {
    return enroll(code, deviceName, UUID.randomUUID());
  }

  /**
   * Enrolls this terminal with a one-time code under {@code key}, the Idempotency-Key the device
   * keeps for this code across its retries: a retry whose answer was lost gets the same credential
   * from the service for a while (ADR 0018). Keeps the credential it gets.
   */
  public EnrollResponse enroll(String code, String deviceName, UUID key) {
    EnrollResponse r =
        send(
            post("/v1/terminals/enroll", new EnrollRequest(code, deviceName), key),
            EnrollResponse.class);
    credentials.terminal(r.credential());
    return r;
  }

  /** Signs an employee in by PIN (never retried) and keeps the session for later calls. */
  public SessionResponse signIn(String employeeId, String pin) {
    SessionResponse r =
        send(post("/v1/sessions", new SignInRequest(employeeId, pin), null), SessionResponse.class);
    credentials.session(r.token());
    return r;
  }

  public void signOut() {
    send(new Request.Builder().url(url("/v1/sessions/current")).delete().build(), Void.class);
    credentials.session(null);
  }

  /** This terminal's store rules and staff with their PIN verifiers, to cache for offline work. */
  public TerminalConfig terminalConfig() {
    return send(get("/v1/terminal/config"), TerminalConfig.class);
  }

  /** Records an action done at the terminal in the service's audit log, once per event id. */
  public void auditEvent(io.kasa.api.terminal.AuditEventRequest event) {
    send(post("/v1/audit-events", event, event.id()), Void.class);
  }

  /** A manager's single-use approval, by PIN, for the signed-in employee. */
  public ApprovalResponse approve(ApprovalRequest request) {
    return send(post("/v1/approvals", request, null), ApprovalResponse.class);
  }

  // --- catalogue

  /** Changes since {@code cursor} (null: from the start), at most {@code limit}. */
  public CatalogChanges catalogChanges(String cursor, int limit) {
    HttpUrl.Builder u = url("/v1/catalog/changes").newBuilder();
    if (cursor != null) {
      u.addQueryParameter("since", cursor);
    }
    u.addQueryParameter("limit", Integer.toString(limit));
    return send(new Request.Builder().url(u.build()).get().build(), CatalogChanges.class);
  }

  /**
   * The catalogue changes as a stream to read item by item, for a first full load that must not
   * hold the whole answer in memory. The caller closes it.
   */
  public InputStream catalogChangesStream(String cursor, int limit) {
    HttpUrl.Builder u = url("/v1/catalog/changes").newBuilder();
    if (cursor != null) {
      u.addQueryParameter("since", cursor);
    }
    u.addQueryParameter("limit", Integer.toString(limit));
    Response response = execute(new Request.Builder().url(u.build()).get().build());
    if (!response.isSuccessful()) {
      throw problem(response);
    }
    return response.body().byteStream();
  }

  // --- sales, refunds

  /** A card tender authorised while the customer waits; safe to retry (by tender id). */
  public io.kasa.api.sales.CardAuthorisationResponse authoriseCard(
      io.kasa.api.sales.CardAuthorisationRequest request) {
    return send(
        post("/v1/card-authorisations", request, null),
        io.kasa.api.sales.CardAuthorisationResponse.class);
  }

  public SaleResponse submitSale(SaleRequest sale) {
    return send(post("/v1/sales", sale, sale.id()), SaleResponse.class);
  }

  public SaleResponse sale(UUID id) {
    return send(get("/v1/sales/" + id), SaleResponse.class);
  }

  /** The sale with this receipt number, or empty when the service has none. */
  public Optional<SaleResponse> saleByReceipt(String receiptNumber) {
    HttpUrl u = url("/v1/sales").newBuilder().addQueryParameter("receipt", receiptNumber).build();
    try {
      return Optional.of(send(new Request.Builder().url(u).get().build(), SaleResponse.class));
    } catch (CloudProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * The sale of this organisation whose receipt token is {@code token} (a scanned receipt QR code,
   * ADR 0041); empty when the service has none.
   */
  public Optional<SaleResponse> saleByToken(String token) {
    HttpUrl u = url("/v1/sales").newBuilder().addQueryParameter("token", token).build();
    try {
      return Optional.of(send(new Request.Builder().url(u).get().build(), SaleResponse.class));
    } catch (CloudProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * A sale with its refunds so far, for a return at this register; empty when the service has none.
   */
  public Optional<io.kasa.api.sales.SaleForReturn> saleForReturn(UUID id) {
    try {
      return Optional.of(
          send(get("/v1/sales/" + id + "/return"), io.kasa.api.sales.SaleForReturn.class));
    } catch (CloudProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public RefundResponse refund(RefundRequestDto refund) {
    return send(post("/v1/refunds", refund, refund.id()), RefundResponse.class);
  }

  /** Voids a paid sale; a repeat answers the same (the sale's id is the key). */
  public SaleResponse voidSale(UUID saleId, VoidSaleRequest request) {
    return send(post("/v1/sales/" + saleId + "/void", request, saleId), SaleResponse.class);
  }

  // --- shifts

  public ShiftDto openShift(OpenShiftRequest request) {
    return send(post("/v1/shifts", request, request.id()), ShiftDto.class);
  }

  public void cashMovement(UUID shift, CashMovementRequest request) {
    send(post("/v1/shifts/" + shift + "/cash-movements", request, request.id()), Void.class);
  }

  /** Closes a shift (its Z report); a repeat answers the same report. */
  public ShiftReport closeShift(UUID shift, CloseShiftRequest request) {
    return send(post("/v1/shifts/" + shift + "/close", request, shift), ShiftReport.class);
  }

  public ShiftReport shiftReport(UUID shift) {
    return send(get("/v1/shifts/" + shift + "/report"), ShiftReport.class);
  }

  /**
   * POSTs a JSON body already written (an outbox entry) with its key, and returns the answer's
   * JSON. With an {@code employee}, the terminal vouches for who recorded it instead of sending the
   * current session: the entry may have been recorded offline, by someone since signed out.
   */
  public String postJson(String path, String body, UUID idempotencyKey, UUID employee) {
    Request.Builder b =
        new Request.Builder()
            .url(url(path))
            .post(RequestBody.create(body, JSON_TYPE))
            .header(Headers.IDEMPOTENCY_KEY, idempotencyKey.toString());
    if (employee != null) {
      b.header(Headers.EMPLOYEE, employee.toString());
    }
    return exchange(b.build());
  }

  // --- the host stand

  /** The store's whole floor, with the id of the last event it includes. */
  public FloorDto floor() {
    return send(get("/v1/floor"), FloorDto.class);
  }

  public AreaDto putArea(UUID id, AreaRequest area) {
    return send(put("/v1/floor/areas/" + id, area), AreaDto.class);
  }

  public TableDto putTable(UUID id, TableRequest table) {
    return send(put("/v1/floor/tables/" + id, table), TableDto.class);
  }

  public void removeTable(UUID id, long version) {
    HttpUrl u =
        url("/v1/floor/tables/" + id)
            .newBuilder()
            .addQueryParameter("version", Long.toString(version))
            .build();
    send(new Request.Builder().url(u).delete().build(), Void.class);
  }

  /** Seats guests; a repeat with the same check id answers the same check. */
  public CheckDto seat(UUID table, SeatRequest seat) {
    return send(post("/v1/floor/tables/" + table + "/seat", seat, seat.checkId()), CheckDto.class);
  }

  public TableDto clearTable(UUID table, long version) {
    return send(
        post("/v1/floor/tables/" + table + "/clear", new VersionRequest(version), null),
        TableDto.class);
  }

  public PartyDto addParty(PartyRequest party) {
    return send(post("/v1/waitlist", party, party.id()), PartyDto.class);
  }

  public PartyDto partyStatus(UUID party, PartyStatusRequest status) {
    return send(post("/v1/waitlist/" + party + "/status", status, null), PartyDto.class);
  }

  /** Adds an item to a check; a repeat with the same line id adds nothing. */
  public CheckDto addCheckLine(UUID check, AddLineRequest line) {
    return send(post("/v1/checks/" + check + "/lines", line, line.id()), CheckDto.class);
  }

  public CheckDto removeCheckLine(UUID check, UUID line) {
    return send(
        new Request.Builder().url(url("/v1/checks/" + check + "/lines/" + line)).delete().build(),
        CheckDto.class);
  }

  public CheckDto moveCheck(UUID check, MoveRequest move) {
    return send(post("/v1/checks/" + check + "/move", move, null), CheckDto.class);
  }

  public CheckDto mergeCheck(UUID check, MergeRequest merge) {
    return send(post("/v1/checks/" + check + "/merge", merge, null), CheckDto.class);
  }

  public SplitResult splitCheck(UUID check, SplitRequest split) {
    return send(
        post("/v1/checks/" + check + "/split", split, split.newCheckId()), SplitResult.class);
  }

  public CheckDto prebill(UUID check, long version) {
    return send(
        post("/v1/checks/" + check + "/prebill", new VersionRequest(version), null),
        CheckDto.class);
  }

  /**
   * Opens the store's kitchen stream (ADR 0053) after {@code lastEventId} (null: from now, starting
   * with a RESET whose id is the start). Needs only the terminal's credential. The caller reads and
   * closes the response.
   */
  public Response kitchenEvents(Long lastEventId) {
    Request.Builder b =
        new Request.Builder().url(url("/v1/kitchen/events")).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      b.header("Last-Event-ID", Long.toString(lastEventId));
    }
    Response response;
    try {
      response = streams.newCall(b.build()).execute();
    } catch (IOException e) {
      throw new CloudUnreachableException("GET /v1/kitchen/events: " + e.getMessage(), e);
    }
    if (!response.isSuccessful()) {
      throw problem(response);
    }
    return response;
  }

  /** The store's kitchen stations and what is routed to each (ADR 0053), in their order. */
  public java.util.List<io.kasa.api.kitchen.KitchenStationDto> kitchenStations() {
    return java.util.List.of(
        send(get("/v1/kitchen/stations"), io.kasa.api.kitchen.KitchenStationDto[].class));
  }

  /** Sends a check's unsent lines to the kitchen; a repeat with the same id sends nothing more. */
  public io.kasa.api.floor.SendResult sendToKitchen(
      UUID check, io.kasa.api.floor.SendRequest send) {
    return send(
        post("/v1/checks/" + check + "/send", send, send.id()), io.kasa.api.floor.SendResult.class);
  }

  /**
   * Fires a held course of a check (ADR 0056); the request's id makes a retry fire nothing twice.
   */
  public io.kasa.api.floor.SendResult fireCourse(UUID check, io.kasa.api.floor.FireRequest fire) {
    return send(
        post("/v1/checks/" + check + "/fire", fire, fire.id()), io.kasa.api.floor.SendResult.class);
  }

  /**
   * Opens the store's floor event stream after {@code lastEventId} (null: from now). The caller
   * reads the answer's body as {@code text/event-stream} and closes it; it is not retried.
   */
  public Response floorEvents(Long lastEventId) {
    Request.Builder b =
        new Request.Builder().url(url("/v1/floor/events")).header("Accept", "text/event-stream");
    if (lastEventId != null) {
      b.header("Last-Event-ID", Long.toString(lastEventId));
    }
    Request request = b.build();
    Response response;
    try {
      response = streams.newCall(request).execute();
    } catch (IOException e) {
      throw new CloudUnreachableException("GET /v1/floor/events: " + e.getMessage(), e);
    }
    if (!response.isSuccessful()) {
      throw problem(response);
    }
    return response;
  }

  /**
   * Opens the store's change stream (ADR 0028): an event {@code CHANGED} with the store's version
   * as its id, at once when it differs from {@code lastVersion} (null: always), then after every
   * change to what the terminal keeps. The caller reads and closes the response.
   */
  public Response terminalChanges(Long lastVersion) {
    Request.Builder b =
        new Request.Builder()
            .url(url("/v1/terminal/changes"))
            .header("Accept", "text/event-stream");
    if (lastVersion != null) {
      b.header("Last-Event-ID", Long.toString(lastVersion));
    }
    Response response;
    try {
      response = streams.newCall(b.build()).execute();
    } catch (IOException e) {
      throw new CloudUnreachableException("GET /v1/terminal/changes: " + e.getMessage(), e);
    }
    if (!response.isSuccessful()) {
      throw problem(response);
    }
    return response;
  }

  // --- device set-up

  /** The device set-up this terminal backed up, or empty when it has none. */
  public Optional<DeviceSetup> deviceSetup() {
    try {
      return Optional.of(send(get("/v1/terminal/devices"), DeviceSetup.class));
    } catch (CloudProblemException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  public DeviceSetup backUpDeviceSetup(DeviceSetup setup) {
    return send(put("/v1/terminal/devices", setup), DeviceSetup.class);
  }

  // --- operations

  /** Whether the service and its database answer. */
  @SuppressWarnings("unchecked")
  public boolean healthy() {
    try {
      Map<String, Object> health = send(get("/health"), Map.class);
      return "UP".equals(health.get("status"));
    } catch (CloudProblemException | CloudUnreachableException e) {
      return false;
    }
  }

  @Override
  public void close() {
    http.dispatcher().executorService().shutdown();
    http.connectionPool().evictAll();
  }

  // --- plumbing

  private HttpUrl url(String path) {
    return base.newBuilder().encodedPath(path).build();
  }

  private Request get(String path) {
    return new Request.Builder().url(url(path)).get().build();
  }

  private Request post(String path, Object body, UUID idempotencyKey) {
    Request.Builder b =
        new Request.Builder().url(url(path)).post(RequestBody.create(write(body), JSON_TYPE));
    if (idempotencyKey != null) {
      b.header(Headers.IDEMPOTENCY_KEY, idempotencyKey.toString());
    }
    return b.build();
  }

  private Request put(String path, Object body) {
    return new Request.Builder()
        .url(url(path))
        .put(RequestBody.create(write(body), JSON_TYPE))
        .build();
  }

  private <T> T send(Request request, Class<T> type) {
    String body = exchange(request);
    if (type == Void.class) {
      return null;
    }
    try {
      return json.readValue(body, type);
    } catch (JsonProcessingException e) {
      throw new CloudUnreachableException(
          request.method() + " " + request.url().encodedPath() + ": the answer was unreadable", e);
    }
  }

  /** The answer's body on success; the service's problem otherwise. */
  private String exchange(Request request) {
    try (Response response = execute(request)) {
      if (!response.isSuccessful()) {
        throw problem(response);
      }
      return response.body().string();
    } catch (IOException e) {
      throw new CloudUnreachableException(
          request.method() + " " + request.url().encodedPath() + ": the answer was cut off", e);
    }
  }

  private Response execute(Request request) {
    try {
      return http.newCall(request).execute();
    } catch (IOException e) {
      throw new CloudUnreachableException(
          request.method() + " " + request.url().encodedPath() + ": " + e.getMessage(), e);
    }
  }

  private CloudProblemException problem(Response response) {
    String text;
    try {
      text = response.body().string();
    } catch (IOException e) {
      text = "";
    }
    Problem problem;
    try {
      problem = json.readValue(text, Problem.class);
    } catch (JsonProcessingException notAProblem) {
      problem = null;
    }
    if (problem == null || problem.status() == 0) {
      problem =
          new Problem(
              "about:blank",
              response.message().isEmpty() ? "HTTP " + response.code() : response.message(),
              response.code(),
              "The service answered " + response.code() + " without a problem body",
              null);
    }
    response.close();
    return new CloudProblemException(problem);
  }

  private byte[] write(Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot serialise " + body.getClass().getSimpleName(), e);
    }
  }
}
