package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium driven by Selenium for the back office's browser tests: every page
 * checked by axe-core (WCAG 2.1 A and AA), for horizontal overflow and small targets on a phone,
 * for console errors (a CSP refusal is one), and photographed at phone and desktop widths when
 * {@code -Dkasa.screenshots=DIR} is given.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path DRIVER = Path.of("/usr/bin/chromedriver");
  static final Path AXE = Path.of("..", "tools", "axe", "node_modules", "axe-core", "axe.min.js");

  /**
   * Phone, small laptop and desktop viewports; the laptop's pictures are written only with {@code
   * -Dkasa.screenshots.all=true} (for review, not for the docs).
   */
  enum Width {
    PHONE(360, 800),
    LAPTOP(1024, 768),
    DESKTOP(1280, 800);

    final int width;
    final int height;

    Width(int width, int height) {
      this.width = width;
      this.height = height;
    }
  }

  private final ChromeDriver driver;
  private final String base;
  private final String language;
  private final String axe;

  /**
   * Skips the calling test class when Chromium is not installed, saying so, unless {@code
   * KASA_BROWSER_TESTS=required} (CI), when its absence fails; axe-core must be in {@code
   * tools/axe}.
   */
  static void requireInstalled() {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
    if ("required".equals(System.getenv("KASA_BROWSER_TESTS"))) {
      assertThat(installed).as("chromium and chromium-driver (apt-get install)").isTrue();
    }
    Assumptions.assumeTrue(
        installed,
        "Chromium is not installed (/usr/bin/chromium, /usr/bin/chromedriver): apt-get install"
            + " chromium chromium-driver to run the back office's browser tests");
    assertThat(Files.isRegularFile(AXE))
        .as("axe-core in tools/axe: npm ci --prefix tools/axe")
        .isTrue();
  }

  /** A browser on {@code cloud}'s service, speaking {@code language}. */
  static Browser on(io.kasa.service.TestCloud cloud, String language) throws IOException {
    // localhost, not 127.0.0.1: browsers keep Secure cookies from http://localhost.
    return new Browser("http://localhost:" + cloud.app.port(), language);
  }

  /** Signs in through the sign-in form (the page it lands on is the caller's to check). */
  void signIn(String email, String password) {
    open("/office/sign-in");
    type("#email", email);
    type("#password", password);
    submit("#password");
  }

  /** A browser whose user reads {@code language}, against the service at {@code base}. */
  Browser(String base, String language) throws IOException {
    this.base = base;
    this.language = language;
    this.axe = Files.readString(AXE, StandardCharsets.UTF_8);
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--hide-scrollbars",
        "--lang=" + language,
        "--window-size=1280,800");
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language));
    LoggingPreferences logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    options.setCapability("goog:loggingPrefs", logs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
    this.driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    width(Width.DESKTOP);
  }

  String language() {
    return language;
  }

  void open(String path) {
    driver.get(base + path);
  }

  String path() {
    return java.net.URI.create(driver.getCurrentUrl()).getPath();
  }

  WebElement find(String css) {
    return driver.findElement(By.cssSelector(css));
  }

  List<WebElement> all(String css) {
    return driver.findElements(By.cssSelector(css));
  }

  void type(String css, String text) {
    // A page still settling may replace the element between finding and typing: find it again.
    for (int attempt = 1; ; attempt++) {
      try {
        WebElement e = find(css);
        e.clear();
        e.sendKeys(text);
        return;
      } catch (org.openqa.selenium.WebDriverException e) {
        boolean replaced =
            e instanceof org.openqa.selenium.StaleElementReferenceException
                || String.valueOf(e.getMessage()).contains("does not belong to the document");
        if (!replaced || attempt == 3) {
          throw e;
        }
        settled();
      }
    }
  }

  /**
   * Whether {@code element}'s document has been replaced. Chromium reports a node of a replaced
   * document either as stale or as "does not belong to the document", depending on how far the next
   * page has got.
   */
  private static boolean gone(WebElement element) {
    try {
      element.isEnabled();
      return false;
    } catch (org.openqa.selenium.StaleElementReferenceException e) {
      return true;
    } catch (org.openqa.selenium.WebDriverException e) {
      if (String.valueOf(e.getMessage()).contains("does not belong to the document")) {
        return true;
      }
      throw e;
    }
  }

  /** Waits until the page in the window has loaded. */
  private void settled() {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
        .until(
            d ->
                "complete"
                    .equals(
                        ((org.openqa.selenium.JavascriptExecutor) d)
                            .executeScript("return document.readyState")));
  }

  /** Submits the form holding {@code css} by clicking its submit button. */
  void submit(String css) {
    andWait(
        () ->
            find(css)
                .findElement(By.xpath("ancestor::form"))
                .findElement(By.cssSelector("button"))
                .click());
  }

  /** Does {@code act} and waits until the page it was on has been replaced by the next, loaded. */
  void andWait(Runnable act) {
    WebElement page = find("html");
    act.run();
    // A click returns before the next page may have replaced this one.
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(60))
        .until(d -> gone(page));
    settled();
  }

  /**
   * Runs {@code script} in the page as an asynchronous script: it ends by calling {@code done}, the
   * function it is given, with its answer (e.g. a fetch's content type).
   */
  Object async(String script) {
    return driver.executeAsyncScript("const done = arguments[arguments.length - 1];" + script);
  }

  /** Runs {@code js} in the page and returns its value (tests of live pages read their state). */
  Object script(String js, Object... args) {
    return driver.executeScript(js, args);
  }

  /** The real pointer and keyboard on this page (a drag with the mouse: press, move, release). */
  org.openqa.selenium.interactions.Actions actions() {
    return new org.openqa.selenium.interactions.Actions(driver);
  }

  /** Waits up to {@code seconds} for {@code condition} to hold, polling the page as it is. */
  void waitUntil(int seconds, java.util.function.BooleanSupplier condition) {
    new org.openqa.selenium.support.ui.WebDriverWait(driver, Duration.ofSeconds(seconds))
        .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
        .ignoring(org.openqa.selenium.NoSuchElementException.class)
        .until(d -> condition.getAsBoolean());
  }

  String text() {
    return find("body").getText();
  }

  /** The viewport, as a phone or desktop would have it. */
  void width(Width w) {
    driver.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of(
            "width",
            w.width,
            "height",
            w.height,
            "deviceScaleFactor",
            1,
            "mobile",
            w == Width.PHONE));
  }

  /**
   * Checks the page shown as {@code name}: no WCAG 2.1 A/AA violation, nothing wider than a phone,
   * targets of 48 px at least on a phone, no console errors; and writes its screenshots.
   */
  void check(String name) throws IOException {
    axe();
    consoleIsClean(name);
    for (Width w : Width.values()) {
      width(w);
      Object overflow =
          driver.executeScript(
              "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
      assertThat(((Number) overflow).intValue())
          .as(name + " is no wider than the " + w + " viewport")
          .isLessThanOrEqualTo(0);
      if (w == Width.PHONE) {
        @SuppressWarnings("unchecked")
        List<String> small =
            (List<String>)
                driver.executeScript(
                    "return Array.from(document.querySelectorAll("
                        + "'button, .button, input:not([type=hidden]), select, nav a, .brand'))"
                        + ".filter(e => e.offsetParent !== null)"
                        + ".filter(e => e.getBoundingClientRect().height < 48)"
                        + ".map(e => e.outerHTML.substring(0, 80));");
        assertThat(small).as(name + ": targets under 48 px on a phone").isEmpty();
      }
      // A page opened at a section (#id) is photographed at it at every width, as it is read.
      driver.executeScript(
          "const t = location.hash && document.getElementById(location.hash.slice(1));"
              + " if (t) t.scrollIntoView();");
      screenshot(name, w);
    }
    width(Width.DESKTOP);
  }

  private void axe() {
    driver.executeScript(axe);
    Object result =
        driver.executeAsyncScript(
            "const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values:"
                + " ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — '"
                + " + v.nodes.map(n => n.html).join(' | '))))"
                + ".catch(e => done(['axe failed: ' + e]));");
    assertThat((List<?>) result).as("axe-core's WCAG 2.1 A/AA violations on " + path()).isEmpty();
  }

  private void consoleIsClean(String name) {
    List<String> errors =
        driver.manage().logs().get(LogType.BROWSER).getAll().stream()
            .filter(e -> e.getLevel().intValue() >= Level.WARNING.intValue())
            .map(LogEntry::getMessage)
            // A form answered 4xx (a wrong password) is logged by the browser, not an error.
            .filter(m -> !m.matches(".*the server responded with a status of 4\\d\\d.*"))
            .toList();
    assertThat(errors).as("console errors on " + name).isEmpty();
  }

  private void screenshot(String name, Width w) throws IOException {
    String dir = System.getProperty("kasa.screenshots");
    if (dir == null || dir.isBlank()) {
      return;
    }
    if (w == Width.LAPTOP && !Boolean.getBoolean("kasa.screenshots.all")) {
      return;
    }
    byte[] png = driver.getScreenshotAs(OutputType.BYTES);
    Path file =
        Path.of(dir)
            .resolve(
                "office-"
                    + name
                    + "-"
                    + language
                    + "-"
                    + w.name().toLowerCase(java.util.Locale.ROOT)
                    + ".png");
    Files.createDirectories(file.getParent());
    Files.write(file, png);
  }

  @Override
  public void close() {
    driver.quit();
  }
}
