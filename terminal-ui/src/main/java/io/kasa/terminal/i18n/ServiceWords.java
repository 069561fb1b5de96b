package io.kasa.terminal.i18n;

import io.kasa.api.Problem;
import io.kasa.devices.drawer.CashDrawer;
import java.util.Locale;
import java.util.Map;

/**
 * What the service and the devices say, in the register's words: a problem by its type with the
 * arguments the service sent (never its English detail), a card decline by its reason, a drawer by
 * its state. Anything without words of its own gets a plain sentence for its kind.
 */
public final class ServiceWords {

  private ServiceWords() {}

  /** A problem the service answered with. */
  public static String problem(Messages m, Problem problem) {
    String type = problem.type() == null ? "" : problem.type();
    String key = "problem." + type.substring(type.lastIndexOf('/') + 1);
    if (m.has(key)) {
      Map<String, String> args = problem.arguments() == null ? Map.of() : problem.arguments();
      return m.get(key, args);
    }
    return m.get(
        switch (problem.status()) {
          case 401, 403 -> "problem.forbidden";
          case 404 -> "problem.not-found";
          case 409 -> "problem.conflict";
          case 400, 422 -> "problem.invalid";
          default -> "problem.other";
        });
  }

  /**
   * Why a card was declined, from the processor's reason ({@code insufficient funds}); a reason the
   * register has no words for is not shown in English but as a plain decline.
   */
  public static String decline(Messages m, String reason) {
    String slug =
        reason == null ? "" : reason.strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    String key = "card.decline." + slug;
    return m.get(m.has(key) ? key : "card.decline.other");
  }

  /** What a drawer kick came to: open, kicked but closed, kicked with no signal, or not at all. */
  public static String drawer(Messages m, CashDrawer.OpenResult result) {
    if (!result.kicked()) {
      return m.get("device.drawer.notKicked");
    }
    return m.get("device.drawer." + result.state().name().toLowerCase(Locale.ROOT));
  }
}
