package io.kasa.service.admin;

import io.kasa.api.catalog.ItemDto;
import io.kasa.api.catalog.ModifierGroupDto;
import io.kasa.api.catalog.ModifierOptionDto;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.domain.barcode.CheckDigit;
import io.kasa.service.auth.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A demo organisation: «Колосок», a Kyiv grocery with Ukrainian VAT, a pharmacy shelf and a café
 * corner with a floor plan; a cashier, a manager, a host and a technician; one terminal.
 */
public final class DemoData {

  /**
   * What was created.
   *
   * @param organisationId the organisation
   * @param storeId the store
   * @param cashierId the cashier (PIN 1111)
   * @param managerId the manager (PIN 9999)
   * @param hostId the host (PIN 5555)
   * @param technicianId the technician (PIN 7777)
   * @param terminal the terminal and its enrollment code
   */
  public record Seeded(
      UUID organisationId,
      UUID storeId,
      UUID cashierId,
      UUID managerId,
      UUID hostId,
      UUID technicianId,
      AdminService.NewTerminal terminal) {}

  private DemoData() {}

  /** The counter's items, which the README and the tests name. */
  private static final List<ItemDto> COUNTER =
      List.of(
          item(
              "coffee",
              "Кава мелена Lavazza Qualità Oro 250 г",
              "EACH",
              18990,
              "VAT20",
              "Бакалія",
              "8000070012349"),
          item("bread", "Хліб житній", "EACH", 3100, "VAT20", "Хліб", "4820000191357"),
          item("milk", "Молоко 2,5 % 900 г", "EACH", 4290, "VAT20", "Молочне", "4820001234565"),
          item("apples", "Яблука Голден", "KILOGRAM", 4250, "VAT20", "Фрукти", "12345"),
          item("aspirin", "Аспірин 500 мг №10", "EACH", 9640, "VAT7", "Аптека", "4820002345673"),
          item("water", "Вода мінеральна 1,5 л", "EACH", 2850, "VAT20", "Напої", "4820003456781"),
          item("cheese", "Сир твердий", "KILOGRAM", 38900, "VAT20", "Молочне", "12346"),
          item("gift", "Подарунковий набір", "EACH", 0, "VAT20", "Подарунки", "4820004567899"),
          item("espresso", "Еспресо", "EACH", 4500, "VAT20", "Кафе", "4820005678907"),
          item("borshch", "Борщ з пампушками", "EACH", 12000, "VAT20", "Кафе", "4820005678914"),
          item("varenyky", "Вареники з вишнею", "EACH", 14000, "VAT20", "Кафе", "4820005678921"),
          item("uzvar", "Узвар 0,3 л", "EACH", 3500, "VAT20", "Кафе", "4820005678938"),
          item("salad", "Салат «Олів'є» (кулінарія)", "EACH", 0, "VAT20", "Кулінарія", "30001"));

  public static Seeded seed(AdminService admin) {
    UUID org = admin.createOrganisation("Колосок");
    UUID store =
        admin.createStore(
            org, "K1", "Маркет «Колосок»", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    // Cards up to 2,000.00 per sale and 20,000.00 in all for a day without the service.
    admin.configureStore(
        org,
        store,
        "uk-UA",
        "https://r.kasa.example",
        new OfflineCardRules(true, 200_000, 2_000_000, 24 * 60));
    // A plausible identity (the codes' check digits hold; no real company has them).
    admin
        .stores()
        .setIdentity(
            org,
            store,
            new io.kasa.api.terminal.StoreIdentityDto(
                "ТОВ «Колосок-Маркет»",
                "вул. Велика Васильківська, 72, м. Київ, 03150",
                "43151207",
                "431512026591",
                "Свіжий хліб щодня з 7:00",
                "Обмін і повернення — 14 днів із чеком"));
    // The deli packs salads priced at its scale: labels 26 IIIII PPPPP C carry the price.
    admin
        .stores()
        .putLayout(org, store, new io.kasa.api.terminal.BarcodeLayoutDto("26", "PRICE", 5, 5, 2));
    admin.putTaxClass(org, "VAT20", "А", new BigDecimal("20"));
    admin.putTaxClass(org, "VAT7", "Б", new BigDecimal("7"));
    admin.putTaxClass(org, "VAT0", "В", new BigDecimal("0"));
    List<ItemDto> items = COUNTER;
    for (ItemDto i : items) {
      // The gift set is priced at the counter from 100,00 to 5 000,00 ₴; the deli's salad by its
      // scale's label, with no limits.
      admin.putItem(
          org,
          i.id().equals("gift")
              ? withOpenPrice(i, 10_000L, 500_000L)
              : i.id().equals("salad") ? withOpenPrice(i, null, null) : i);
    }
    for (ItemDto i : shelf()) {
      admin.putItem(org, i);
    }
    modifiers(admin, org);
    UUID cashier = admin.createEmployee(org, "Олена", Role.CASHIER, "1111");
    UUID manager = admin.createEmployee(org, "Андрій", Role.MANAGER, "9999");
    UUID host = admin.createEmployee(org, "Ірина", Role.HOST, "5555");
    UUID technician = admin.createEmployee(org, "Тарас", Role.TECHNICIAN, "7777");
    AdminService.NewTerminal terminal = admin.createTerminal(org, store, "T1", "Каса 1");
    floor(admin, org, store);
    kitchen(admin, org, store);
    return new Seeded(org, store, cashier, manager, host, technician, terminal);
  }

  /**
   * The café's dishes that ask something when ordered (ADR 0043): a steak asks how it is done and
   * offers a sauce; a latte asks for its milk (oat +15,00 ₴) and offers extras.
   */
  private static void modifiers(AdminService admin, UUID org) {
    admin.putItem(
        org, item("steak", "Стейк рібай", "EACH", 42000, "VAT20", "Кафе", "4820005678945"));
    admin.putItem(org, item("latte", "Лате", "EACH", 5500, "VAT20", "Кафе", "4820005678952"));
    ModifierAdmin m = admin.modifiers();
    m.putGroup(
        org,
        new ModifierGroupDto(
            "doneness",
            "Ступінь просмаження",
            1,
            1,
            List.of(
                new ModifierOptionDto("rare", "З кров'ю", 0),
                new ModifierOptionDto("medium-rare", "Слабка", 0),
                new ModifierOptionDto("medium", "Середня", 0),
                new ModifierOptionDto("well-done", "Повна", 0))));
    m.putGroup(
        org,
        new ModifierGroupDto(
            "sauce",
            "Соус",
            0,
            1,
            List.of(
                new ModifierOptionDto("pepper", "Перцевий", 3500),
                new ModifierOptionDto("bearnaise", "Беарнез", 4000))));
    m.putGroup(
        org,
        new ModifierGroupDto(
            "milk",
            "Молоко",
            1,
            1,
            List.of(
                new ModifierOptionDto("regular", "Звичайне", 0),
                new ModifierOptionDto("oat", "Вівсяне", 1500),
                new ModifierOptionDto("lactose-free", "Безлактозне", 1000))));
    m.putGroup(
        org,
        new ModifierGroupDto(
            "coffee-extras",
            "Додатки",
            0,
            2,
            List.of(
                new ModifierOptionDto("shot", "Додатковий шот", 1500),
                new ModifierOptionDto("syrup", "Сироп", 1000),
                new ModifierOptionDto("no-sugar", "Без цукру", 0))));
    m.setItemGroups(org, "steak", List.of("doneness", "sauce"));
    m.setItemGroups(org, "latte", List.of("milk", "coffee-extras"));
  }

  /**
   * The shop's opening count (ADR 0032), so stock reads as a shop's would: a few dozen of each
   * packed item, kilograms of the weighed ones, none of the café's dishes (cooked to order); and a
   * few reorder levels, so the Stock screen's low filter has something to show.
   */
  public static void openingStock(AdminService admin, UUID org, UUID store) {
    var stock = admin.stock();
    for (ItemDto i : COUNTER) {
      if (!"Кафе".equals(i.category())) {
        String quantity = "KILOGRAM".equals(i.unit()) ? "18.500" : "24";
        stock.count(org, store, i.id(), quantity, "Опис при відкритті");
      }
    }
    // Reorder levels (ADR 0050) for the goods that run out: the milk is already low.
    stock.reorderLevel(org, store, "bread", "10");
    stock.reorderLevel(org, store, "milk", "30");
    stock.reorderLevel(org, store, "apples", "5");
    stock.reorderLevel(org, store, "water", "12");
  }

  /**
   * The café's kitchen (ADR 0053): the hot kitchen makes the café's dishes (its category), the bar
   * its drinks (by item, which wins over the category).
   */
  private static void kitchen(AdminService admin, UUID org, UUID store) {
    admin.putKitchenStation(org, store, "hot", "Гаряча кухня", 0, List.of(), List.of("Кафе"));
    admin.putKitchenStation(
        org, store, "bar", "Бар", 1, List.of("espresso", "latte", "uzvar"), List.of());
  }

  /** The café corner: six tables in the hall, four on the terrace. */
  private static void floor(AdminService admin, UUID org, UUID store) {
    UUID hall = admin.createArea(org, store, "Зал", 0);
    UUID terrace = admin.createArea(org, store, "Тераса", 1);
    String[] shapes = {"ROUND", "SQUARE", "RECTANGLE"};
    int[] seats = {2, 4, 6};
    for (int i = 0; i < 6; i++) {
      admin.createTable(
          org,
          store,
          new io.kasa.api.floor.TableRequest(
              hall,
              Integer.toString(i + 1),
              seats[i % 3],
              shapes[i % 3],
              80 + (i % 3) * 300,
              120 + (i / 3) * 400,
              i % 3 == 2 ? 240 : 160,
              160,
              null));
    }
    for (int i = 0; i < 4; i++) {
      admin.createTable(
          org,
          store,
          new io.kasa.api.floor.TableRequest(
              terrace, "T" + (i + 1), 2, "ROUND", 80 + i * 220, 200, 140, 140, null));
    }
  }

  /**
   * A Ukrainian shop's shelves, as a shopper would find them: each kind of goods in the brands and
   * packs it is really sold in (medicines in tablets and bottles, produce by the kilogram), named
   * in Ukrainian — the store's language; items carry one name, so an English screen shows the same
   * names (ADR 0024). Valid EAN-13 codes (prefix 482), VAT at 20 % or 7 %, and the produce and deli
   * counters sold by weight (PLU codes 20001…, for scale labels {@code 22 PPPPP WWWWW C}).
   */
  static List<ItemDto> shelf() {
    List<String[]> goods = new java.util.ArrayList<>();
    try (var in = DemoData.class.getResourceAsStream("demo-shelf.txt")) {
      for (String line :
          new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).split("\n")) {
        if (!line.isBlank() && !line.startsWith("#")) {
          goods.add(line.split(";"));
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("The demo shelf cannot be read", e);
    }
    List<ItemDto> out = new java.util.ArrayList<>();
    int n = 0;
    for (String[] g : goods) {
      boolean weighed = g[2].equals("KILOGRAM");
      for (int v = 5; v < g.length; v++) {
        n++;
        String[] brandPack = g[v].split("\\|", -1);
        // "Молоко Ферма 2,5 % 900 г"; by weight, the sort: "Помідори чері"
        String name =
            (g[0] + " " + brandPack[0] + " " + brandPack[1]).replaceAll(" +", " ").strip();
        String code =
            weighed
                ? String.valueOf(20_000 + n)
                : ean13("482" + String.format(java.util.Locale.ROOT, "%09d", 100_000 + n));
        long price = Long.parseLong(g[3]) + (v - 5) * 450L;
        out.add(
            new ItemDto(
                "p" + n,
                "SKU-P" + n,
                name,
                List.of(code),
                g[2],
                price,
                g[4],
                g[1],
                false,
                false,
                true));
      }
    }
    return out;
  }

  /** Twelve digits and their EAN-13 check digit. */
  static String ean13(String twelve) {
    return twelve + CheckDigit.compute(twelve);
  }

  private static ItemDto item(
      String id,
      String name,
      String unit,
      long price,
      String tax,
      String category,
      String barcode) {
    return new ItemDto(
        id,
        "SKU-" + id.toUpperCase(java.util.Locale.ROOT),
        name,
        List.of(barcode),
        unit,
        price,
        tax,
        category,
        false,
        false,
        true);
  }

  private static ItemDto withOpenPrice(ItemDto i, Long min, Long max) {
    return new ItemDto(
        i.id(),
        i.sku(),
        i.name(),
        i.barcodes(),
        i.unit(),
        i.price(),
        i.taxClass(),
        i.category(),
        true,
        i.ageRestricted(),
        i.active(),
        min,
        max);
  }

  /** The demo's back-office owner: email and the password generated for it (stored hashed). */
  public record OfficeOwner(String email, String password) {}

  /** The demo owner's email. */
  public static final String OWNER_EMAIL = "owner@kolosok.example";

  /**
   * Creates the demo organisation's owner account in the back office with a freshly generated
   * password, returned once to be printed: the service keeps only its hash.
   */
  public static OfficeOwner officeOwner(
      io.kasa.service.accounts.OfficeAccounts accounts, UUID org) {
    String password = io.kasa.service.auth.Secrets.enrollmentCode();
    accounts.create(org, OWNER_EMAIL, "owner", List.of(), password);
    return new OfficeOwner(OWNER_EMAIL, password);
  }
}
