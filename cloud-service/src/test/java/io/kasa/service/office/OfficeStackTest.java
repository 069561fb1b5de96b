package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.TestCloud;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The back office's stack (ADR 0039) on the real service: security headers on every response,
 * assets from the jar under versioned paths with long cache lifetimes, no inline script or style,
 * the language from the browser or the switch, and the switch refused without its CSRF token.
 */
class OfficeStackTest {

  private static TestCloud cloud;
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  static HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(cloud.uri(path));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> postForm(String path, String form, String... headers)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(cloud.uri(path))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void pagesCarryTheStrictPolicyAndNoInlineScriptOrStyle() throws Exception {
    HttpResponse<String> r = get("/office/no-such-page", "Accept-Language", "en");
    assertThat(r.statusCode()).isEqualTo(404);
    assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'self'", "script-src 'self'", "style-src 'self'")
        .contains("frame-ancestors 'none'", "base-uri 'none'", "form-action 'self'")
        .doesNotContain("unsafe");
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
    assertThat(r.headers().firstValue("Cache-Control")).hasValue("no-store");
    String html = r.body();
    assertThat(html).contains("<html lang=\"en\">", "Page not found");
    assertThat(html).doesNotContainPattern("(?i)\\sstyle=").doesNotContainPattern("(?i)<style");
    assertThat(html).doesNotContainPattern("(?i)<script(?![^>]*\\ssrc=)");
    assertThat(html).doesNotContainPattern("(?i)\\son[a-z]+=");
    assertThat(html).doesNotContain("http://", "https://");
    assertThat(html).contains("\"includeIndicatorStyles\":false");
  }

  @Test
  void theApiCarriesTheSameHeaders() throws Exception {
    HttpResponse<String> r = get("/v1/openapi.json");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    assertThat(r.headers().firstValue("Content-Security-Policy")).isPresent();
  }

  @Test
  void assetsComeFromTheJarUnderVersionedPathsCachedForAYear() throws Exception {
    String html = get("/office/x").body();
    for (String name : new String[] {"kasa.css", "kasa.js", "htmx.min.js"}) {
      Matcher m = Pattern.compile("/assets/([0-9a-f]{12})/" + Pattern.quote(name)).matcher(html);
      assertThat(m.find()).as(name + " linked from the page").isTrue();
      HttpResponse<String> asset = get(m.group());
      assertThat(asset.statusCode()).isEqualTo(200);
      assertThat(asset.headers().firstValue("Cache-Control"))
          .hasValue("public, max-age=31536000, immutable");
      assertThat(asset.body()).isNotBlank();
      assertThat(get("/assets/000000000000/" + name).statusCode()).isEqualTo(404);
    }
    Assets assets = new Assets();
    assertThat(get(assets.url("uPlot.iife.min.js")).body()).contains("uPlot");
    assertThat(get(assets.url("htmx.min.js")).body()).contains("htmx");
  }

  @Test
  void theLanguageFollowsTheBrowserThenTheSwitch() throws Exception {
    assertThat(get("/office/x", "Accept-Language", "uk-UA,uk;q=0.9").body())
        .contains("<html lang=\"uk\">", "Сторінку не знайдено");
    assertThat(get("/office/x", "Accept-Language", "de-DE,en;q=0.8").body())
        .contains("<html lang=\"en\">");
    assertThat(get("/office/x", "Accept-Language", "fr").body()).contains("<html lang=\"uk\">");

    HttpResponse<String> first = get("/office/x", "Accept-Language", "uk");
    String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(setCookie)
        .startsWith(Cookies.VISITOR + "=")
        .contains("Secure", "HttpOnly", "SameSite=Strict");
    String visitor = setCookie.substring(0, setCookie.indexOf(';'));
    String token = hidden(first.body(), "_csrf");

    HttpResponse<String> switched =
        postForm(
            "/office/language", "_csrf=" + token + "&lang=en&back=/office/x", "Cookie", visitor);
    assertThat(switched.statusCode()).isEqualTo(303);
    assertThat(switched.headers().firstValue("Location")).hasValue("/office/x");
    String lang = switched.headers().firstValue("Set-Cookie").orElseThrow();
    assertThat(lang).startsWith("kasa_lang=en;").contains("HttpOnly", "SameSite=Strict");
    assertThat(get("/office/x", "Accept-Language", "uk", "Cookie", "kasa_lang=en").body())
        .contains("<html lang=\"en\">");

    HttpResponse<String> away =
        postForm(
            "/office/language",
            "_csrf=" + token + "&lang=en&back=//evil.example/",
            "Cookie",
            visitor);
    assertThat(away.headers().firstValue("Location")).hasValue("/office/");
  }

  @Test
  void theSwitchIsRefusedWithoutItsToken() throws Exception {
    HttpResponse<String> first = get("/office/x");
    String setCookie = first.headers().firstValue("Set-Cookie").orElseThrow();
    String visitor = setCookie.substring(0, setCookie.indexOf(';'));
    HttpResponse<String> none = postForm("/office/language", "lang=en", "Cookie", visitor);
    assertThat(none.statusCode()).isEqualTo(403);
    assertThat(none.headers().firstValue("Set-Cookie").orElse("")).doesNotContain("kasa_lang");
    HttpResponse<String> forged =
        postForm("/office/language", "_csrf=forged&lang=en", "Cookie", visitor);
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> noCookie =
        postForm("/office/language", "_csrf=" + hidden(first.body(), "_csrf") + "&lang=en");
    assertThat(noCookie.statusCode()).isEqualTo(403);
  }

  @Test
  void bothLanguagesHaveEveryWord() throws IOException {
    Properties en = load("words.properties");
    Properties uk = load("words_uk.properties");
    assertThat(uk.keySet()).isEqualTo(en.keySet());
    assertThat(en).isNotEmpty();
  }

  @Test
  void redirectsStayOnThisSite() {
    assertThat(Office.localPath("/office/x?y=1")).isEqualTo("/office/x?y=1");
    assertThat(Office.localPath("//evil.example/")).isEqualTo("/office/");
    assertThat(Office.localPath("/\\evil.example/")).isEqualTo("/office/");
    assertThat(Office.localPath("https://evil.example/")).isEqualTo("/office/");
    assertThat(Office.localPath(null)).isEqualTo("/office/");
  }

  private static Properties load(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        OfficeStackTest.class.getResourceAsStream("/io/kasa/service/office/" + name)) {
      p.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
    }
    return p;
  }

  /** The value of the hidden input {@code name} in a page. */
  static String hidden(String html, String name) {
    Matcher m =
        Pattern.compile("name=\"" + Pattern.quote(name) + "\" value=\"([^\"]*)\"").matcher(html);
    assertThat(m.find()).as("hidden " + name).isTrue();
    return m.group(1);
  }
}
