package io.kasa.service.cli;

import io.kasa.service.admin.AdminService;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The admin commands a manager uses day to day: a new price, a dismissed employee, a new PIN. Each
 * reaches the running tills within seconds, without a restart (ADR 0028).
 */
final class DailyAdmin {

  private DailyAdmin() {}

  @Command(
      name = "set-price",
      mixinStandardHelpOptions = true,
      description = "Change an item's price; the tills sell at it within seconds.")
  static final class SetPrice extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--item", required = true, description = "The item's id or SKU")
    String item;

    @Option(
        names = "--price",
        required = true,
        description = "The new price in minor units, e.g. 4500 for 45.00")
    long price;

    @Override
    String run(AdminService admin) {
      return "item " + admin.setPrice(org, item, price) + " now costs " + price;
    }
  }

  @Command(
      name = "set-price-limits",
      mixinStandardHelpOptions = true,
      description =
          "Set the lowest and highest price an open-price item may be sold at; the tills ask"
              + " within them from the next scan, and the service refuses a sale outside them."
              + " An option left out removes that limit.")
  static final class SetPriceLimits extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--item", required = true, description = "The item's id or SKU")
    String item;

    @Option(
        names = "--min",
        description = "The lowest price in minor units, e.g. 10000 for 100.00; none when left out")
    Long min;

    @Option(
        names = "--max",
        description =
            "The highest price in minor units, e.g. 500000 for 5000.00; none when left out")
    Long max;

    @Override
    String run(AdminService admin) {
      String id = admin.setPriceLimits(org, item, min, max);
      return "item "
          + id
          + " sells "
          + (min == null && max == null
                  ? "at any price above zero"
                  : (min == null ? "" : "from " + min) + (max == null ? "" : " up to " + max))
              .strip();
    }
  }

  @Command(
      name = "deactivate-employee",
      mixinStandardHelpOptions = true,
      description =
          "Dismiss an employee: refused at once by the service, and at every till after its next"
              + " contact, offline too.")
  static final class DeactivateEmployee extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--employee", required = true)
    UUID employee;

    @Override
    String run(AdminService admin) {
      admin.staff().deactivate(org, employee);
      return "employee " + employee + " deactivated";
    }
  }

  @Command(
      name = "set-pin",
      mixinStandardHelpOptions = true,
      description = "Give an employee a new PIN; the old one stops working at every till.")
  static final class SetPin extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--employee", required = true)
    UUID employee;

    @Option(
        names = "--pin",
        required = true,
        interactive = true,
        arity = "0..1",
        description = "4 to 12 digits; asked for when not given")
    String pin;

    @Override
    String run(AdminService admin) {
      admin.staff().changePin(org, employee, pin);
      return "employee " + employee + " has a new PIN";
    }
  }
}
