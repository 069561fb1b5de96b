package io.kasa.devices.cli;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

@Command(
    name = "profiles",
    mixinStandardHelpOptions = true,
    description =
        "List the printer profiles, with where each fact comes from (escpos-printer-db entry,"
            + " vendor manual, or assumed, unverified).")
final class ProfilesCommand implements java.util.concurrent.Callable<Integer> {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        "%-20s %-36s %5s %5s  %-4s %-3s %s%n",
        "ID", "NAME", "DOTS", "COLS", "CUT", "QR", "CODE PAGES (COMMAND: PAGE=n)");
    for (PrinterProfile p : PrinterProfiles.builtIn().all()) {
      StringBuilder pages = new StringBuilder(p.pageCommand().mnemonic()).append(':');
      p.codePages().forEach((page, n) -> pages.append(' ').append(page).append('=').append(n));
      out.printf(
          "%-20s %-36s %5d %2d/%-2d  %-4s %-3s %s%n",
          p.id(),
          p.name(),
          p.paperWidthDots(),
          p.columnsFontA(),
          p.columnsFontB(),
          p.hasCutter() ? (p.partialCut() ? "yes" : "full") : "no",
          p.qrCode() ? "yes" : "no",
          pages);
      if (!p.verified()) {
        out.printf("%-20s   ! NOT VERIFIED: %s%n", "", String.join(", ", p.unverified()));
      }
      p.sources().forEach((fact, source) -> out.printf("%-20s   %-15s %s%n", "", fact, source));
    }
    return 0;
  }
}
