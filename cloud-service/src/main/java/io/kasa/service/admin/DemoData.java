package io.kasa.service.admin;

import io.kasa.api.catalog.ItemDto;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.domain.barcode.CheckDigit;
import io.kasa.service.auth.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A demo organisation: a Kyiv shop with Ukrainian VAT, a catalogue and a café corner with a floor
 * plan; a cashier, a manager, a host and a technician; one terminal.
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

  public static Seeded seed(AdminService admin) {
    UUID org = admin.createOrganisation("Kasa Demo");
    UUID store =
        admin.createStore(
            org, "K1", "Kasa Demo Market", "UAH", "INCLUSIVE", "PER_LINE", 10, BigDecimal.TEN);
    // Cards up to 2,000.00 per sale and 20,000.00 in all for a day without the service.
    admin.configureStore(
        org,
        store,
        "uk-UA",
        "https://r.kasa.example/{number}",
        new OfflineCardRules(true, 200_000, 2_000_000, 24 * 60));
    admin.putTaxClass(org, "VAT20", "А", new BigDecimal("20"));
    admin.putTaxClass(org, "VAT7", "Б", new BigDecimal("7"));
    admin.putTaxClass(org, "VAT0", "В", new BigDecimal("0"));
    List<ItemDto> items =
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
            item("uzvar", "Узвар 0,3 л", "EACH", 3500, "VAT20", "Кафе", "4820005678938"));
    for (ItemDto i : items) {
      admin.putItem(org, i.id().equals("gift") ? withOpenPrice(i) : i);
    }
    for (ItemDto i : shelf()) {
      admin.putItem(org, i);
    }
    UUID cashier = admin.createEmployee(org, "Олена", Role.CASHIER, "1111");
    UUID manager = admin.createEmployee(org, "Андрій", Role.MANAGER, "9999");
    UUID host = admin.createEmployee(org, "Ірина", Role.HOST, "5555");
    UUID technician = admin.createEmployee(org, "Тарас", Role.TECHNICIAN, "7777");
    AdminService.NewTerminal terminal = admin.createTerminal(org, store, "T1", "Каса 1");
    floor(admin, org, store);
    return new Seeded(org, store, cashier, manager, host, technician, terminal);
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
   * A shop's shelves: 40 kinds of goods in eight brands and sizes each — names in Ukrainian,
   * imported goods in English — with valid EAN-13 codes (prefix 482), VAT at 20 % or 7 %, and the
   * produce and deli counters sold by weight (PLU codes 20001…, for scale labels {@code 22 PPPPP
   * WWWWW C}).
   */
  static List<ItemDto> shelf() {
    String[][] bases = {
      // uk name, en name, category, unit, price in kopecks, tax class, sold in grams or litres
      {"Молоко", "Milk", "Молочне", "EACH", "3990", "VAT20", "l"},
      {"Кефір", "Kefir", "Молочне", "EACH", "4290", "VAT20", "l"},
      {"Йогурт", "Yogurt", "Молочне", "EACH", "2890", "VAT20", "l"},
      {"Масло вершкове", "Butter", "Молочне", "EACH", "8990", "VAT20", "g"},
      {"Сметана", "Sour cream", "Молочне", "EACH", "3690", "VAT20", "l"},
      {"Хліб білий", "White bread", "Хліб", "EACH", "2790", "VAT20", "g"},
      {"Батон", "Baguette", "Хліб", "EACH", "2490", "VAT20", "g"},
      {"Круасан", "Croissant", "Хліб", "EACH", "3290", "VAT20", "g"},
      {"Гречка", "Buckwheat", "Бакалія", "EACH", "5490", "VAT20", "g"},
      {"Рис", "Rice", "Бакалія", "EACH", "4990", "VAT20", "g"},
      {"Макарони", "Pasta", "Бакалія", "EACH", "3890", "VAT20", "g"},
      {"Борошно", "Flour", "Бакалія", "EACH", "3290", "VAT20", "g"},
      {"Цукор", "Sugar", "Бакалія", "EACH", "3590", "VAT20", "g"},
      {"Олія соняшникова", "Sunflower oil", "Бакалія", "EACH", "6990", "VAT20", "l"},
      {"Чай чорний", "Black tea", "Напої", "EACH", "7990", "VAT20", "g"},
      {"Кава зернова", "Coffee beans", "Напої", "EACH", "24990", "VAT20", "g"},
      {"Сік яблучний", "Apple juice", "Напої", "EACH", "5490", "VAT20", "l"},
      {"Вода негазована", "Still water", "Напої", "EACH", "1990", "VAT20", "l"},
      {"Шоколад молочний", "Milk chocolate", "Солодощі", "EACH", "4590", "VAT20", "g"},
      {"Печиво", "Biscuits", "Солодощі", "EACH", "3990", "VAT20", "g"},
      {"Цукерки", "Sweets", "Солодощі", "EACH", "9990", "VAT20", "g"},
      {"Зубна паста", "Toothpaste", "Побут", "EACH", "6990", "VAT20", "g"},
      {"Мило", "Soap", "Побут", "EACH", "2990", "VAT20", "g"},
      {"Шампунь", "Shampoo", "Побут", "EACH", "12990", "VAT20", "l"},
      {"Серветки", "Napkins", "Побут", "EACH", "2490", "VAT20", "g"},
      {"Вітамін C", "Vitamin C", "Аптека", "EACH", "11990", "VAT7", "g"},
      {"Пластир", "Plasters", "Аптека", "EACH", "4590", "VAT7", "g"},
      {"Парацетамол", "Paracetamol", "Аптека", "EACH", "3890", "VAT7", "g"},
      {"Сироп від кашлю", "Cough syrup", "Аптека", "EACH", "15990", "VAT7", "l"},
      {"Бинт", "Bandage", "Аптека", "EACH", "2190", "VAT7", "g"},
      {"Банани", "Bananas", "Фрукти", "KILOGRAM", "6490", "VAT20", "g"},
      {"Апельсини", "Oranges", "Фрукти", "KILOGRAM", "7990", "VAT20", "g"},
      {"Помідори", "Tomatoes", "Овочі", "KILOGRAM", "8990", "VAT20", "g"},
      {"Огірки", "Cucumbers", "Овочі", "KILOGRAM", "7490", "VAT20", "g"},
      {"Картопля", "Potatoes", "Овочі", "KILOGRAM", "2290", "VAT20", "g"},
      {"Морква", "Carrots", "Овочі", "KILOGRAM", "1990", "VAT20", "g"},
      {"Ковбаса варена", "Cooked sausage", "Делікатеси", "KILOGRAM", "28990", "VAT20", "g"},
      {"Шинка", "Ham", "Делікатеси", "KILOGRAM", "34990", "VAT20", "g"},
      {"Сир гауда", "Gouda cheese", "Делікатеси", "KILOGRAM", "42990", "VAT20", "g"},
      {"Оселедець", "Herring", "Делікатеси", "KILOGRAM", "18990", "VAT20", "g"},
    };
    String[] brands = {
      "Ферма", "Галичина", "Добряна", "Premium", "Classic", "Organic", "Наш край", "Select"
    };
    String[][] grams = {
      {"100 г", "200 г", "250 г", "400 г", "500 г", "750 г", "900 г", "1 кг"},
      {"100 g", "200 g", "250 g", "400 g", "500 g", "750 g", "900 g", "1 kg"}
    };
    String[][] litres = {
      {"0,2 л", "0,25 л", "0,33 л", "0,5 л", "0,75 л", "0,9 л", "1 л", "1,5 л"},
      {"0.2 l", "0.25 l", "0.33 l", "0.5 l", "0.75 l", "0.9 l", "1 l", "1.5 l"}
    };
    List<ItemDto> out = new java.util.ArrayList<>();
    int n = 0;
    for (String[] b : bases) {
      boolean weighed = b[3].equals("KILOGRAM");
      for (int v = 0; v < 8; v++) {
        n++;
        boolean english = v % 4 == 3;
        String name =
            (english ? b[1] : b[0])
                + " "
                + brands[v]
                + (weighed ? "" : " " + (b[6].equals("l") ? litres : grams)[english ? 1 : 0][v]);
        String code =
            weighed
                ? String.valueOf(20_000 + n)
                : ean13("482" + String.format(java.util.Locale.ROOT, "%09d", 100_000 + n));
        long price = Long.parseLong(b[4]) + v * 250L;
        out.add(
            new ItemDto(
                "p" + n,
                "SKU-P" + n,
                name,
                List.of(code),
                b[3],
                price,
                b[5],
                b[2],
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

  private static ItemDto withOpenPrice(ItemDto i) {
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
        i.active());
  }
}
