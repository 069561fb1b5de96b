package io.kasa.service.audit;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each action of the audit log is (ADR 0048): its kind, by which the Audit screen filters, and
 * its words in the back office's languages. The one place that knows the actions recorded by {@link
 * Audit}, the sale writer and the tills' reported events; an action it does not know has no kind
 * and is shown as its key.
 */
public final class AuditActions {

  /** The kinds, in the order the screen offers them. */
  public static final List<String> KINDS =
      List.of(
          "overrides",
          "voids",
          "no-sales",
          "refunds",
          "sign-ins",
          "drawer",
          "kiosk",
          "cash",
          "sales",
          "stock",
          "tills",
          "office");

  /**
   * An action as the screen shows it.
   *
   * @param kind its kind, one of {@link #KINDS}
   * @param en its words in English
   * @param uk its words in Ukrainian
   */
  public record Action(String kind, String en, String uk) {

    /** Its words in {@code language} (uk or en; Ukrainian otherwise). */
    public String words(String language) {
      return "en".equals(language) ? en : uk;
    }
  }

  private static final Map<String, Action> ACTIONS = new LinkedHashMap<>();

  static {
    kind(
        "overrides",
        "APPROVAL_GIVEN",
        "A manager approved an action",
        "Керівник схвалив дію",
        "PRICE_OVERRIDE",
        "Price changed by hand",
        "Ціну змінено вручну",
        "PRICE_OVERRIDE_UNAPPROVED",
        "Price changed by hand without approval",
        "Ціну змінено вручну без схвалення",
        "OVERRIDE_REFUND",
        "A manager approved a refund",
        "Керівник схвалив повернення",
        "RESERVATION_OVERRIDDEN",
        "A reserved table was seated anyway",
        "Заброньований стіл зайнято попри бронь",
        "SHIFT_CLOSE_OVERRIDE",
        "Shift closed by a manager's override",
        "Зміну закрито з дозволу керівника");
    kind(
        "voids",
        "SALE_VOIDED",
        "Sale cancelled after payment (post-void)",
        "Продаж анульовано після оплати",
        "LINE_VOIDED",
        "Lines voided on a sale",
        "Рядки чека скасовано",
        "CHECK_LINE_REMOVED",
        "Line removed from a table's check",
        "Рядок рахунку столу вилучено");
    kind(
        "no-sales",
        "CASH_NO_SALE",
        "Drawer opened without a sale (no-sale)",
        "Скриньку відкрито без продажу");
    kind("refunds", "REFUND", "Refund", "Повернення");
    kind(
        "sign-ins",
        "SIGNED_IN",
        "Signed in at the till",
        "Вхід на касі",
        "SIGNED_OUT",
        "Signed out at the till",
        "Вихід на касі",
        "PIN_FAILED",
        "Wrong PIN",
        "Хибний PIN",
        "PIN_LOCKOUT",
        "PIN locked after wrong tries",
        "PIN заблоковано після хибних спроб",
        "OFFLINE_SIGN_IN",
        "Signed in at the till while offline",
        "Вхід на касі без зв’язку",
        "OFFLINE_PIN_FAILED",
        "Wrong PIN while offline",
        "Хибний PIN без зв’язку",
        "office.sign-in",
        "Signed in to the back office",
        "Вхід до бек-офісу",
        "office.sign-in.password",
        "Password accepted, code asked",
        "Пароль прийнято, очікується код",
        "office.sign-in.wrong-password",
        "Wrong back-office password",
        "Хибний пароль бек-офісу",
        "office.sign-in.wrong-code",
        "Wrong sign-in code",
        "Хибний код входу",
        "office.sign-in.locked",
        "Sign-in refused: account locked",
        "Вхід відхилено: обліковий запис заблоковано",
        "office.lockout",
        "Account locked after failed sign-ins",
        "Обліковий запис заблоковано після невдалих входів",
        "office.sign-out",
        "Signed out of the back office",
        "Вихід із бек-офісу");
    kind(
        "drawer",
        "DRAWER_LEFT_OPEN",
        "Cash drawer left open",
        "Грошову скриньку залишено відкритою");
    kind("kiosk", "KIOSK_EXIT", "Kiosk mode left", "Вихід із режиму кіоску");
    kind(
        "cash",
        "CASH_IN",
        "Cash put in",
        "Внесення готівки",
        "CASH_OUT",
        "Cash taken out",
        "Вилучення готівки",
        "SHIFT_OPENED",
        "Shift opened",
        "Зміну відкрито",
        "SHIFT_CLOSED",
        "Shift closed",
        "Зміну закрито");
    kind(
        "sales",
        "SALE_OFFLINE",
        "Sale made while offline",
        "Продаж без зв’язку",
        "OFFLINE_CARD_DECLINED",
        "Card declined after an offline sale",
        "Картку відхилено після продажу без зв’язку",
        "RECEIPT_REPRINT",
        "Receipt printed again",
        "Чек надруковано повторно",
        "TIP_OUTSIDE_RULES",
        "Tip outside the store's rules, taken offline",
        "Чайові поза правилами магазину, прийняті без зв’язку");
    kind(
        "stock",
        "STOCK_ADJUSTED",
        "Stock adjusted",
        "Залишок скориговано",
        "office.stock.reorder-level",
        "Reorder level set",
        "Рівень дозамовлення встановлено");
    kind(
        "tills",
        "TERMINAL_ENROLLED",
        "Till connected",
        "Касу під’єднано",
        "DEVICES_BACKED_UP",
        "Till's devices backed up",
        "Налаштування пристроїв каси збережено");
    kind(
        "office",
        "TERMINAL_CREATED",
        "Till added",
        "Касу додано",
        "TERMINAL_REVOKED",
        "Till revoked",
        "Касу відкликано",
        "TERMINAL_REPLACED",
        "Till replaced",
        "Касу замінено",
        "DISCOUNT_LIMIT_SET",
        "Discount limit set",
        "Межу знижки встановлено",
        "office.account.created",
        "Back-office account created",
        "Обліковий запис бек-офісу створено",
        "office.reset-link",
        "Password link made",
        "Створено посилання для пароля",
        "office.password-set",
        "Password set",
        "Пароль встановлено",
        "office.language",
        "Language changed",
        "Мову змінено",
        "office.totp-on",
        "Sign-in codes turned on",
        "Коди входу увімкнено",
        "office.totp-off",
        "Sign-in codes turned off",
        "Коди входу вимкнено",
        "office.staff.created",
        "Employee added",
        "Працівника додано",
        "office.staff.changed",
        "Employee changed",
        "Дані працівника змінено",
        "office.staff.deactivated",
        "Employee dismissed",
        "Працівника звільнено",
        "office.staff.reactivated",
        "Employee taken back",
        "Працівника поновлено",
        "office.staff.pin-reset",
        "Employee's PIN reset",
        "PIN працівника скинуто",
        "office.catalogue.item-created",
        "Item added to the catalogue",
        "Товар додано до каталогу",
        "office.catalogue.item-changed",
        "Catalogue item changed",
        "Товар каталогу змінено",
        "office.catalogue.imported",
        "Catalogue imported from CSV",
        "Каталог імпортовано з CSV",
        "office.store.created",
        "Store added",
        "Магазин додано",
        "office.store.changed",
        "Store settings changed",
        "Налаштування магазину змінено",
        "office.catalogue.quick-keys-changed",
        "Quick keys arranged",
        "Швидкі клавіші впорядковано");
  }

  private AuditActions() {}

  /** Adds the actions of {@code kind}, given as action, English, Ukrainian, ... */
  private static void kind(String kind, String... triples) {
    for (int i = 0; i < triples.length; i += 3) {
      ACTIONS.put(triples[i], new Action(kind, triples[i + 1], triples[i + 2]));
    }
  }

  /** What {@code action} is, or null when it is none this table knows. */
  public static Action of(String action) {
    return ACTIONS.get(action);
  }

  /** The action in {@code language}'s words, or the action itself when it has none. */
  public static String words(String action, String language) {
    Action a = ACTIONS.get(action);
    return a == null ? action : a.words(language);
  }

  /** The kind of {@code action}, or null. */
  public static String kind(String action) {
    Action a = ACTIONS.get(action);
    return a == null ? null : a.kind();
  }

  /** The actions of {@code kind} (none for a kind that is not one of {@link #KINDS}). */
  public static List<String> actions(String kind) {
    List<String> out = new ArrayList<>();
    ACTIONS.forEach(
        (action, a) -> {
          if (a.kind().equals(kind)) {
            out.add(action);
          }
        });
    return out;
  }

  /** Every action this table knows. */
  public static List<String> known() {
    return List.copyOf(ACTIONS.keySet());
  }
}
