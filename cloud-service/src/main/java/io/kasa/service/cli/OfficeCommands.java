package io.kasa.service.cli;

import io.kasa.service.accounts.OfficeAccount;
import io.kasa.service.accounts.OfficeAccounts;
import io.kasa.service.accounts.Passwords;
import io.kasa.service.admin.AdminService;
import io.kasa.service.db.Database;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The back office's accounts from the command line (ADR 0040): create one, print a link that sets a
 * forgotten password (while no mail server is configured, the operator passes it on), list them.
 */
final class OfficeCommands {

  private OfficeCommands() {}

  /** The accounts over an admin command's database, hashing with OWASP's iteration count. */
  static OfficeAccounts accounts(Database db) {
    return new OfficeAccounts(
        db.jdbi(), new Passwords(Passwords.DEFAULT_ITERATIONS), Clock.systemUTC());
  }

  /** What the back office's links start with. */
  static final class BaseUrl {
    @Option(
        names = "--office-url",
        defaultValue = "${env:KASA_OFFICE_URL:-http://localhost:8080}",
        description =
            "The address browsers reach the service at, for the link (env KASA_OFFICE_URL;"
                + " default ${DEFAULT-VALUE})")
    String url;

    String link(String token) {
      String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
      return base + "/office/password/" + token;
    }
  }

  @Command(
      name = "create-office-account",
      mixinStandardHelpOptions = true,
      description =
          "Create a back-office account (owner, manager, accountant or kitchen); prints the single-use"
              + " link, valid for 24 hours, where its holder sets the password.")
  static final class CreateAccount extends KasaCloud.Admin.Action {
    @Option(names = "--org", required = true)
    UUID org;

    @Option(names = "--email", required = true)
    String email;

    @Option(
        names = "--role",
        required = true,
        description = "owner, manager, accountant or kitchen (the kitchen screen alone)")
    String role;

    @Option(
        names = "--store",
        description = "A store the account may see (repeat for several); all stores when none")
    List<UUID> stores = new ArrayList<>();

    @picocli.CommandLine.Mixin BaseUrl base = new BaseUrl();

    @Override
    String run(AdminService admin) {
      throw new IllegalStateException("needs the database");
    }

    @Override
    String run(AdminService admin, Database db) {
      OfficeAccounts.Created c = accounts(db).create(org, email, role, stores, null);
      return "office account "
          + c.id()
          + " "
          + email
          + " ("
          + role
          + "): set the password at "
          + base.link(c.linkToken());
    }
  }

  @Command(
      name = "office-reset-link",
      mixinStandardHelpOptions = true,
      description =
          "Print a single-use link, valid for 24 hours, that sets a new password for a"
              + " back-office account (and ends its sessions once used).")
  static final class ResetLink extends KasaCloud.Admin.Action {
    @Option(names = "--email", required = true)
    String email;

    @picocli.CommandLine.Mixin BaseUrl base = new BaseUrl();

    @Override
    String run(AdminService admin) {
      throw new IllegalStateException("needs the database");
    }

    @Override
    String run(AdminService admin, Database db) {
      return "set the password of " + email + " at " + base.link(accounts(db).resetLink(email));
    }
  }

  @Command(
      name = "list-office-accounts",
      mixinStandardHelpOptions = true,
      description = "List the back-office accounts, of one organisation or of all.")
  static final class ListAccounts extends KasaCloud.Admin.Action {
    @Option(names = "--org", description = "Only this organisation's")
    UUID org;

    @Override
    String run(AdminService admin) {
      throw new IllegalStateException("needs the database");
    }

    @Override
    String run(AdminService admin, Database db) {
      List<String> lines = new ArrayList<>();
      for (OfficeAccount a : accounts(db).list(org)) {
        lines.add(
            a.id()
                + " "
                + a.email()
                + " "
                + a.role()
                + " of "
                + a.organisationName()
                + " ("
                + a.organisationId()
                + "), "
                + (a.stores() == null ? "all stores" : "stores " + a.stores())
                + (a.passwordSet() ? "" : ", password not set yet")
                + (a.totp() ? ", TOTP on" : ""));
      }
      return lines.isEmpty() ? "no back-office accounts" : String.join("\n", lines);
    }
  }
}
