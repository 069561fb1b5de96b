package io.kasa.service.office;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.service.TestCloud;
import io.kasa.service.catalog.QuickKeysOffice;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The register's quick keys arranged in a real browser (issue 22, ADR 0052), in Ukrainian and in
 * English: pages added, items found and added, a key dragged into place with the mouse, a key and a
 * page moved with the keyboard, saved, and the saved layout in that order; a save over someone
 * else's is refused with the draft kept. Every page passes axe-core, fits a 360-px phone with 48-px
 * targets and logs no console error; photographed with {@code -Dkasa.screenshots=DIR}.
 */
class OfficeQuickKeysBrowserTest {

  private static final String PASSWORD = "correct horse battery";
  private static TestCloud cloud;
  private static UUID owner;

  @BeforeAll
  static void start() throws Exception {
    Browser.requireInstalled();
    cloud = new TestCloud();
    owner =
        cloud
            .services
            .officeAccounts()
            .create(
                cloud.demo.organisationId(),
                "qk-owner@kolosok.example",
                "owner",
                List.of(),
                PASSWORD)
            .id();
  }

  @AfterAll
  static void stop() throws Exception {
    if (cloud != null) {
      cloud.close();
    }
  }

  private static QuickKeysOffice office() {
    return cloud.services.app().screens().quickKeys();
  }

  private static QuickKeysOffice.Layout layout() {
    return office()
        .layout(cloud.demo.organisationId(), cloud.demo.storeId(), s -> true)
        .orElseThrow();
  }

  /** Saves {@code pages} as another editor would, over whatever is there. */
  private static void saveAsSomeoneElse(QuickKeysOffice.Page... pages) {
    office()
        .save(
            cloud.demo.organisationId(),
            owner,
            cloud.demo.storeId(),
            s -> true,
            layout().version(),
            List.of(pages));
  }

  private static Browser signedIn(String flow, String lang, String role) throws Exception {
    String email = flow + "-" + lang + "@kolosok.example";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, role, List.of(), PASSWORD);
    Browser b = Browser.on(cloud, lang);
    b.signIn(email, PASSWORD);
    assertThat(b.path()).isEqualTo("/office/");
    return b;
  }

  private static void click(Browser b, String css) {
    b.andWait(() -> b.find(css).click());
  }

  /** The item ids of the keys of page {@code n} (0 first), in the page's order. */
  @SuppressWarnings("unchecked")
  private static List<String> keys(Browser b, int n) {
    return (List<String>)
        b.script(
            "return Array.from(document.querySelectorAll('[data-qk-page]')[arguments[0]]"
                + ".querySelectorAll('[data-qk-key]')).map(e => e.getAttribute('data-qk-key'));",
            n);
  }

  /** The pages' titles as the form holds them, in order. */
  @SuppressWarnings("unchecked")
  private static List<String> titles(Browser b) {
    return (List<String>)
        b.script(
            "return Array.from(document.querySelectorAll('[data-qk-page] input[type=text]'))"
                + ".map(e => e.value);");
  }

  private static void add(Browser b, String target, String query) {
    b.script(
        "const s = document.getElementById('target'); s.value = arguments[0];"
            + " s.dispatchEvent(new Event('change', {bubbles: true}));",
        target);
    b.type("#q", query);
    // Enter in the search field finds (the form's default button says what the field is for).
    b.andWait(() -> b.find("#q").sendKeys(Keys.ENTER));
    assertThat(b.all(".qk-found button")).isNotEmpty();
    click(b, "#add-0");
  }

  /**
   * Drags the key of {@code from} onto the key of {@code onto} with the real mouse (press, move,
   * release). Chromium under WebDriver may not start an HTML5 drag from synthetic mouse input; if
   * the order did not change, the same drag is dispatched as DragEvents (what the browser would
   * fire). Answers whether the mouse alone did it.
   */
  private static boolean drag(
      Browser b, String from, String onto, java.util.function.Supplier<Object> order) {
    Object before = order.get();
    WebElement source = b.find(from);
    WebElement target = b.find(onto);
    b.actions()
        .moveToElement(source)
        .clickAndHold()
        .moveByOffset(5, 5)
        .moveToElement(target)
        .release()
        .perform();
    if (!order.get().equals(before)) {
      return true;
    }
    b.script(
        "const [src, dst] = arguments; const dt = new DataTransfer();"
            + " const fire = (el, type) => { const r = el.getBoundingClientRect();"
            + " el.dispatchEvent(new DragEvent(type, {bubbles: true, cancelable: true,"
            + " dataTransfer: dt, clientX: r.x + 10, clientY: r.y + 10})); };"
            + " fire(src, 'dragstart'); fire(dst, 'dragenter'); fire(dst, 'dragover');"
            + " fire(dst, 'drop'); fire(src, 'dragend');",
        source,
        target);
    return false;
  }

  @ParameterizedTest
  @ValueSource(strings = {"uk", "en"})
  void anOwnerArrangesTheKeysByDragAndByKeyboardAndSavesThem(String lang) throws Exception {
    Words words = Words.of(lang);
    saveAsSomeoneElse();
    try (Browser b = signedIn("arrange", lang, "manager")) {
      b.open("/office/catalogue");
      click(b, "#quick-keys-link");
      assertThat(b.path()).isEqualTo("/office/catalogue/quick-keys");
      assertThat(b.find("h1").getText()).isEqualTo(words.get("quickKeys.title"));
      assertThat(b.find("#quick-keys-empty").getText()).isEqualTo(words.get("quickKeys.empty"));
      b.check("quick-keys-empty");

      // A page by Enter in its title field, its keys by search.
      b.type("#newPage", "Кафе");
      b.andWait(() -> b.find("#newPage").sendKeys(Keys.ENTER));
      assertThat(b.find("#title-p0").getAttribute("value")).isEqualTo("Кафе");
      add(b, "p0", "uzvar");
      add(b, "p0", "espresso");
      add(b, "p0", "Борщ");
      assertThat(keys(b, 0)).containsExactly("uzvar", "espresso", "borshch");
      assertThat(b.find("#quick-keys-draft").getText()).isEqualTo(words.get("quickKeys.unsaved"));

      // The borshch dragged onto the uzvar: first.
      boolean byMouse =
          drag(b, "[data-qk-key='borshch']", "[data-qk-key='uzvar']", () -> keys(b, 0));
      System.out.println(
          "Quick keys: the key was dragged by " + (byMouse ? "the mouse" : "DragEvents"));
      assertThat(keys(b, 0)).containsExactly("borshch", "uzvar", "espresso");

      // The uzvar one later by the keyboard: the draft posted is the dragged order.
      // (Its button is found by its key: the drag moved it from where the page drew it.)
      b.find("[data-qk-key='uzvar'] button[value^='key-down']").sendKeys(Keys.ENTER);
      b.waitUntil(60, () -> keys(b, 0).equals(List.of("borshch", "espresso", "uzvar")));
      assertThat(b.script("return document.activeElement.id")).isEqualTo("key-up-p0-2");

      // A second page, moved before the first by the keyboard.
      b.type("#newPage", "Вибране");
      click(b, "button[value='add-page']");
      add(b, "p1", "water");
      add(b, "p1", "4820000191357");
      assertThat(keys(b, 1)).containsExactly("water", "bread");
      b.andWait(() -> b.find("#page-up-p1").sendKeys(Keys.ENTER));
      assertThat(b.find("#title-p0").getAttribute("value")).isEqualTo("Вибране");
      assertThat(b.script("return document.activeElement.id")).isEqualTo("page-down-p0");
      // The pages dragged back the other way; then a key of the dragged page removed by its
      // button: the server reads the order the form now holds.
      drag(b, "[data-qk-page='p1']", "[data-qk-page='p0']", () -> titles(b));
      assertThat(titles(b)).containsExactly("Кафе", "Вибране");
      click(b, "[data-qk-key='bread'] button[value^='key-remove']");
      assertThat(b.find("#title-p0").getAttribute("value")).isEqualTo("Кафе");
      assertThat(keys(b, 0)).containsExactly("borshch", "espresso", "uzvar");
      assertThat(keys(b, 1)).containsExactly("water");
      b.check("quick-keys");

      click(b, "#quick-keys-save");
      assertThat(b.find("#quick-keys-saved").getText()).isEqualTo(words.get("quickKeys.saved"));
      assertThat(keys(b, 0)).containsExactly("borshch", "espresso", "uzvar");
      assertThat(keys(b, 1)).containsExactly("water");
      QuickKeysOffice.Layout saved = layout();
      assertThat(saved.pages())
          .extracting(QuickKeysOffice.ShownPage::title)
          .containsExactly("Кафе", "Вибране");
      assertThat(saved.pages().get(0).keys())
          .extracting(QuickKeysOffice.Key::item)
          .containsExactly("borshch", "espresso", "uzvar");
      assertThat(cloud.audited("office.catalogue.quick-keys-changed")).isGreaterThanOrEqualTo(1);

      // Someone else saves meanwhile: this editor's save is refused, the draft kept.
      saveAsSomeoneElse(new QuickKeysOffice.Page("Напої", List.of("water")));
      b.find("#key-up-p0-2").sendKeys(Keys.ENTER);
      b.waitUntil(60, () -> keys(b, 0).equals(List.of("borshch", "uzvar", "espresso")));
      click(b, "#quick-keys-save");
      assertThat(b.find("#quick-keys-error").getText())
          .isEqualTo(words.get("quickKeys.stale", layout().version()));
      assertThat(keys(b, 0)).containsExactly("borshch", "uzvar", "espresso");
      assertThat(layout().pages())
          .extracting(QuickKeysOffice.ShownPage::title)
          .containsExactly("Напої");
      b.check("quick-keys-stale");
      // Saved again knowingly, it replaces theirs.
      click(b, "#quick-keys-save");
      assertThat(b.all("#quick-keys-saved")).hasSize(1);
      assertThat(layout().pages())
          .extracting(QuickKeysOffice.ShownPage::title)
          .containsExactly("Кафе", "Вибране");
    }
  }

  @Test
  void anAccountantSeesTheLayoutAndNothingToChangeItWith() throws Exception {
    saveAsSomeoneElse(new QuickKeysOffice.Page("Кафе", List.of("uzvar", "espresso")));
    try (Browser b = signedIn("read", "uk", "accountant")) {
      b.open("/office/catalogue/quick-keys");
      assertThat(b.text()).contains("Кафе", "Узвар 0,3 л", "Еспресо");
      assertThat(b.all("#quick-keys")).isEmpty();
      assertThat(b.all("button[name='op']")).isEmpty();
    }
  }
}
