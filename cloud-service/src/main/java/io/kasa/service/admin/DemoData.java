package io.kasa.service.admin;

import io.kasa.api.catalog.ItemDto;
import io.kasa.api.terminal.OfflineCardRules;
import io.kasa.service.auth.Role;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A demo organisation: a Kyiv shop with Ukrainian VAT, a catalogue, two employees, one terminal.
 */
public final class DemoData {

  /**
   * What was created.
   *
   * @param organisationId the organisation
   * @param storeId the store
   * @param cashierId the cashier (PIN 1111)
   * @param managerId the manager (PIN 9999)
   * @param terminal the terminal and its enrollment code
   */
  public record Seeded(
      UUID organisationId,
      UUID storeId,
      UUID cashierId,
      UUID managerId,
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
                "8000070012345"),
            item("bread", "Хліб житній", "EACH", 3100, "VAT20", "Хліб", "4820000191357"),
            item("milk", "Молоко 2,5 % 900 г", "EACH", 4290, "VAT20", "Молочне", "4820001234566"),
            item("apples", "Яблука Голден", "KILOGRAM", 4250, "VAT20", "Фрукти", "2212345000000"),
            item("aspirin", "Аспірин 500 мг №10", "EACH", 9640, "VAT7", "Аптека", "4820002345671"),
            item("water", "Вода мінеральна 1,5 л", "EACH", 2850, "VAT20", "Напої", "4820003456788"),
            item("cheese", "Сир твердий", "KILOGRAM", 38900, "VAT20", "Молочне", "2212346000009"),
            item("gift", "Подарунковий набір", "EACH", 0, "VAT20", "Подарунки", "4820004567895"));
    for (ItemDto i : items) {
      admin.putItem(org, i.id().equals("gift") ? withOpenPrice(i) : i);
    }
    UUID cashier = admin.createEmployee(org, "Олена", Role.CASHIER, "1111");
    UUID manager = admin.createEmployee(org, "Андрій", Role.MANAGER, "9999");
    AdminService.NewTerminal terminal = admin.createTerminal(org, store, "T1", "Каса 1");
    return new Seeded(org, store, cashier, manager, terminal);
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
