package io.kasa.terminal.tech;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.devices.escpos.EscPos;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.receipt.TestPage;
import io.kasa.terminal.devices.SentJob;
import io.kasa.terminal.i18n.Messages;
import io.kasa.terminal.task.DirectTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bench's jobs: listed newest first, read back as the printer reads them, kept as files. */
class BenchJobsTest {

  @TempDir Path dir;
  private final PrinterProfile profile = PrinterProfiles.builtIn().get("epson-tm-t20iii");
  private final Messages english = new Messages(Locale.ENGLISH);
  private final List<String> notes = new ArrayList<>();

  private BenchJobs jobs(Messages m) {
    return new BenchJobs(new DirectTaskExecutor(), m, dir, notes::add);
  }

  private SentJob drawer() {
    return new SentJob(
        SentJob.Kind.DRAWER_PULSE,
        Instant.parse("2026-12-04T09:15:02Z"),
        "sim:printer",
        profile,
        new EscPos(profile).drawerPulse(2, 100, 100).toBytes(),
        List.of());
  }

  private SentJob testPage() {
    return new SentJob(
        SentJob.Kind.TEST_PAGE,
        Instant.parse("2026-12-04T09:15:01Z"),
        "sim:printer",
        profile,
        TestPage.bytes(profile, "sim:printer"),
        List.of("Тестова сторінка / Test page"));
  }

  @Test
  void aDrawerPulseReadsAsItsCommandWithPinAndTimeAndAsHex() {
    BenchJobs jobs = jobs(english);
    jobs.sent(drawer());
    assertThat(jobs.decoded()).containsExactly("0000  ESC p (drawer pulse pin 2, 100 ms)");
    assertThat(jobs.hex()).containsExactly("0000  1B 70 00 32 32           .p.22");
    assertThat(jobs.describe(drawer()))
        .endsWith("sim:printer · 5 bytes")
        .startsWith("Drawer pulse");
  }

  @Test
  void aTestPageReadsAsCommandsByNameAndTextDecodedThroughItsCodePage() {
    BenchJobs jobs = jobs(new Messages(Locale.forLanguageTag("uk")));
    jobs.sent(testPage());
    assertThat(jobs.decoded().get(0)).isEqualTo("0000  ESC @ (ініціалізація)");
    assertThat(jobs.decoded())
        .containsSubsequence("0088  «Українська: Ґанок, Їжак, Єнот, Ілля» ", "      LF")
        .anyMatch(l -> l.contains("ESC t (кодова сторінка "))
        .anyMatch(l -> l.contains("GS k (штрихкод EAN13: 4820000191357)"))
        .anyMatch(l -> l.contains("GS V (часткове відрізання"))
        .noneMatch(l -> l.contains("незрозуміло"));
    assertThat(jobs.decoded()).allMatch(l -> l.length() <= JobDecoding.ROW);
    // The hex dump covers every byte, eight to a row.
    assertThat(jobs.hex()).hasSize((testPage().size() + 7) / 8);
  }

  @Test
  void theNewestJobIsFirstAndChosenAndTheScreenFollowsTheLanguage() {
    Messages m = new Messages(Locale.ENGLISH);
    BenchJobs jobs = jobs(m);
    jobs.sent(testPage());
    jobs.sent(drawer());
    assertThat(jobs.jobs())
        .extracting(SentJob::kind)
        .containsExactly(SentJob.Kind.DRAWER_PULSE, SentJob.Kind.TEST_PAGE);
    assertThat(jobs.selectedProperty().get().kind()).isEqualTo(SentJob.Kind.DRAWER_PULSE);
    m.use(Locale.forLanguageTag("uk"));
    // Longer than a row of the bench's column: it goes on under its offset.
    assertThat(jobs.decoded())
        .containsExactly("0000  ESC p (імпульс скриньки, контакт 2,", "      100 мс)");
    jobs.selectedProperty().set(jobs.jobs().get(1));
    assertThat(jobs.decoded().get(0)).isEqualTo("0000  ESC @ (ініціалізація)");
  }

  @Test
  void eachJobIsKeptAsItsBytesAndAPdfOfItsLinesBesideTheReceipts() throws Exception {
    BenchJobs jobs = jobs(english);
    SentJob page = testPage();
    jobs.sent(page);
    jobs.sent(page);
    jobs.sent(drawer());
    assertThat(Files.readAllBytes(dir.resolve("test-page-" + stamp(page) + ".escpos")))
        .isEqualTo(page.bytes());
    assertThat(dir.resolve("test-page-" + stamp(page) + "-2.escpos"))
        .as("never overwritten")
        .exists();
    try (PDDocument pdf =
        Loader.loadPDF(dir.resolve("test-page-" + stamp(page) + ".pdf").toFile())) {
      assertThat(new PDFTextStripper().getText(pdf).strip())
          .isEqualTo("Тестова сторінка / Test page");
    }
    assertThat(Files.readAllBytes(dir.resolve("drawer-pulse-" + stamp(drawer()) + ".escpos")))
        .containsExactly(0x1b, 'p', 0, 50, 50);
    assertThat(dir.resolve("drawer-pulse-" + stamp(drawer()) + ".pdf"))
        .as("a pulse prints nothing")
        .doesNotExist();
    assertThat(notes).isEmpty();
  }

  private static String stamp(SentJob job) {
    return java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")
        .withZone(java.time.ZoneId.systemDefault())
        .format(job.at());
  }
}
