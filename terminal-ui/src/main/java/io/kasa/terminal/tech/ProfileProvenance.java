package io.kasa.terminal.tech;

import io.kasa.devices.profile.PrinterProfile;
import io.kasa.terminal.i18n.Messages;
import java.util.List;
import java.util.Optional;

/**
 * What the technician is told under a printer profile: where its facts come from, or, for a profile
 * whose facts could not be checked against the printer database or a manual, that they are assumed
 * and must be checked on a test page (ADR 0034).
 */
final class ProfileProvenance {

  private ProfileProvenance() {}

  /** The note for {@code profile}, in the language chosen now; blank when none is chosen. */
  static String note(Optional<PrinterProfile> profile, Messages m) {
    if (profile.isEmpty()) {
      return "";
    }
    PrinterProfile p = profile.get();
    List<String> unverified = p.unverified();
    if (!unverified.isEmpty()) {
      List<String> facts = unverified.stream().map(f -> m.get("tech.fact." + f)).toList();
      return m.get("tech.profile.unverified", String.join(", ", facts));
    }
    return m.get(
        "tech.profile.source",
        String.join(", ", p.sources().values().stream().distinct().toList()));
  }
}
