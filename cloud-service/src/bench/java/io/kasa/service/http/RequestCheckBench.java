package io.kasa.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.kasa.api.OpenApi;
import io.kasa.api.sales.SaleLineDto;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.api.sales.TotalsDto;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * What checking a sale against the API document costs (ADR 0020): a five-line sale, as the load
 * benchmark's terminals send it, read straight into its record (before) and parsed into a tree,
 * checked and read (now), in CPU microseconds per sale on this thread.
 *
 * <pre>
 * ./mvnw -q install -DskipTests &amp;&amp; ./mvnw -q -pl cloud-service test-compile exec:exec@bench-request-check
 * </pre>
 */
public final class RequestCheckBench {

  private static final int SALES = 20_000;
  private static final int ROUNDS = 15;

  private RequestCheckBench() {}

  public static void main(String[] args) throws Exception {
    ObjectMapper json = Json.mapper();
    Contract contract = Contract.of(OpenApi.json(), json);
    byte[] sale = json.writeValueAsBytes(sale());
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    double[] direct = new double[ROUNDS];
    double[] checked = new double[ROUNDS];
    long sink = 0;
    for (int round = 0; round < ROUNDS; round++) {
      long start = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < SALES; i++) {
        sink += json.readValue(sale, SaleRequest.class).lines().size();
      }
      direct[round] = (cpu.getCurrentThreadCpuTime() - start) / 1_000.0 / SALES;
      start = cpu.getCurrentThreadCpuTime();
      for (int i = 0; i < SALES; i++) {
        sink += contract.read("POST /v1/sales", sale, SaleRequest.class).lines().size();
      }
      checked[round] = (cpu.getCurrentThreadCpuTime() - start) / 1_000.0 / SALES;
    }
    // The first rounds warm the JIT up; the median of the rest is reported.
    System.out.printf(
        "sale of %d bytes: read %.1f µs, checked and read %.1f µs (CPU per sale; %d)%n",
        sale.length, median(direct), median(checked), sink);
  }

  private static double median(double[] rounds) {
    double[] last = Arrays.copyOfRange(rounds, ROUNDS / 3, ROUNDS);
    Arrays.sort(last);
    return last[last.length / 2];
  }

  /** Five lines of the demo catalogue, one discounted, one weighed, paid by card and cash. */
  private static SaleRequest sale() {
    List<SaleLineDto> lines = new ArrayList<>();
    lines.add(new SaleLineDto(1, "bread", "2", 3100, null, null, false, 6200));
    lines.add(new SaleLineDto(2, "milk", "1", 4250, null, null, false, 4250));
    lines.add(new SaleLineDto(3, "apples", "0.735", 5990, null, null, false, 4403));
    lines.add(
        new SaleLineDto(
            4,
            "aspirin",
            "1",
            9640,
            null,
            new io.kasa.api.sales.DiscountDto("10", null, "loyalty card"),
            false,
            8676));
    lines.add(new SaleLineDto(5, "coffee", "3", 18900, null, null, false, 56700));
    Instant paid = Instant.parse("2026-12-03T10:01:00.123456Z");
    return new SaleRequest(
        UUID.randomUUID(),
        "K1-T1-000042",
        "UAH",
        paid.minusSeconds(95),
        paid,
        lines,
        null,
        List.of(
            new TenderDto(UUID.randomUUID(), "CARD", 50000, "tok_approve", null),
            new TenderDto(UUID.randomUUID(), "CASH", 30229, null, null)),
        new TotalsDto(80229, 964, 11000, 80229, 0, 0),
        false,
        null);
  }
}
