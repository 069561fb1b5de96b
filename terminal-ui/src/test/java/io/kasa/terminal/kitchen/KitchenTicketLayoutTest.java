package io.kasa.terminal.kitchen;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.kitchen.KitchenTicketDto;
import io.kasa.api.kitchen.KitchenTicketLineDto;
import io.kasa.devices.profile.PrinterProfile;
import io.kasa.devices.profile.PrinterProfiles;
import io.kasa.devices.sim.EscPosDecoder;
import io.kasa.devices.sim.PrintElement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A ticket that fires a held course (ADR 0056) on paper, decoded from its bytes: the fire first, in
 * both languages, within the columns of a 58 mm printer as of an 80 mm one; a ticket of an ordinary
 * send says nothing of firing.
 */
class KitchenTicketLayoutTest {

  private static KitchenTicketDto ticket(int fireCourse) {
    return new KitchenTicketDto(
        UUID.randomUUID(),
        "TICKET",
        "hot",
        "Гаряча кухня",
        UUID.randomUUID(),
        12,
        "6",
        "Ірина",
        2,
        Instant.parse("2026-12-05T12:00:00Z"),
        "Europe/Kyiv",
        List.of(
            new KitchenTicketLineDto(
                UUID.randomUUID(), "steak", "Стейк рібай", "1", 1, 2, List.of(), "без цибулі")),
        fireCourse);
  }

  private static List<String> lines(KitchenTicketDto t, String profile, String language) {
    PrinterProfile p = PrinterProfiles.builtIn().get(profile);
    byte[] bytes = KitchenTicketLayout.bytes(t, false, p, Locale.forLanguageTag(language));
    return new EscPosDecoder(p)
        .decode(bytes).stream()
            .filter(PrintElement.TextLine.class::isInstance)
            .map(e -> ((PrintElement.TextLine) e).text())
            .toList();
  }

  @Test
  void aFiredCourseSaysSoFirstWithinThePrintersColumns() {
    for (String profile : List.of("generic-58mm", "generic-80mm")) {
      int columns = PrinterProfiles.builtIn().get(profile).columnsFontA();
      List<String> uk = lines(ticket(2), profile, "uk-UA");
      assertThat(uk.get(0)).as(profile).isEqualTo("ПОДАВАТИ: курс 2");
      assertThat(uk).contains("Гаряча кухня", "1 × Стейк рібай", "Примітка: без цибулі");
      List<String> en = lines(ticket(2), profile, "en");
      assertThat(String.join(" ", en.subList(0, 2))).as(profile).startsWith("FIRE course 2");
      for (String l : uk) {
        assertThat(l.length()).as(profile + ": " + l).isLessThanOrEqualTo(columns);
      }
    }
    assertThat(lines(ticket(0), "generic-80mm", "uk-UA"))
        .as("an ordinary send")
        .noneMatch(l -> l.contains("ПОДАВАТИ"))
        .first()
        .isEqualTo("Гаряча кухня");
  }
}
