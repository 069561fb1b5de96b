package io.kasa.client.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.TestCloud;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * kasa-sim's {@code --cut-network} cuts the terminals off the real service: they go offline, keep
 * selling into their outboxes, and deliver everything once the network is back.
 */
class SimNetworkCutTest {

  private static final Pattern RESTORED =
      Pattern.compile(
          "-- network restored: (\\d+) sales made during the cut, (\\d+) sales waiting");
  private static final Pattern CAUGHT_UP =
      Pattern.compile("-- the (\\d+) sales waiting were delivered [\\d.]+ s after");
  private static final Pattern TOTAL = Pattern.compile("== 2 terminals, [\\d.]+ s: (\\d+) sales");

  @TempDir Path data;

  @Test
  void terminalsSellOfflineDuringTheCutAndDeliverEverythingAfter() throws Exception {
    try (TestCloud cloud = new TestCloud()) {
      List<String> codes = new ArrayList<>();
      for (int i = 1; i <= 2; i++) {
        codes.add(
            cloud
                .services
                .admin()
                .createTerminal(
                    cloud.demo.organisationId(), cloud.demo.storeId(), "C" + i, "cut " + i)
                .enrollmentCode());
      }
      StringWriter printed = new StringWriter();
      CommandLine cli = new CommandLine(new KasaSim());
      cli.setOut(new PrintWriter(printed, true));
      int exit =
          cli.execute(
              "--service",
              "http://127.0.0.1:" + cloud.app.port(),
              "--terminals",
              "2",
              "--data",
              data.toString(),
              "--code",
              String.join(",", codes),
              "--think",
              "20ms",
              "--card-share",
              "0",
              "--duration",
              "5s",
              "--cut-network",
              "1s+2s",
              "--report-every",
              "250ms");
      String out = printed.toString();

      assertThat(exit).as(out).isZero();
      assertThat(out).contains("-- network cut for 2s").contains("online 0/2");
      Matcher restored = RESTORED.matcher(out);
      assertThat(restored.find()).as(out).isTrue();
      long madeDuringCut = Long.parseLong(restored.group(1));
      long waiting = Long.parseLong(restored.group(2));
      assertThat(madeDuringCut).isPositive();
      assertThat(waiting).isGreaterThanOrEqualTo(madeDuringCut);
      Matcher caughtUp = CAUGHT_UP.matcher(out);
      assertThat(caughtUp.find()).as(out).isTrue();
      assertThat(Long.parseLong(caughtUp.group(1))).isEqualTo(waiting);
      Matcher total = TOTAL.matcher(out);
      assertThat(total.find()).as(out).isTrue();
      assertThat(cloud.count("sale")).isEqualTo(Long.parseLong(total.group(1)));
    }
  }
}
