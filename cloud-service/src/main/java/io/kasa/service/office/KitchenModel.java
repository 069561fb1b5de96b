package io.kasa.service.office;

import io.kasa.service.floor.KitchenScreen;
import java.time.Duration;
import java.util.List;

/**
 * What the kitchen screen's templates show (ADR 0055): the board with each card's age, its colour
 * and the word that says the same (colour is never the only signal), and the links and fields the
 * forms and the script need.
 *
 * @param view the page's view
 * @param board the board
 * @param stores the stores with a kitchen the account may see
 * @param query the store and station as a query string
 * @param last the store's last event when the board was read, where the page's stream starts
 */
public record KitchenModel(
    View view,
    KitchenScreen.Board board,
    List<KitchenScreen.Store> stores,
    String query,
    long last) {

  /** The ages (minutes) at which a card turns amber and red, for the script. */
  public int amber() {
    return KitchenScreen.AMBER_MINUTES;
  }

  public int red() {
    return KitchenScreen.RED_MINUTES;
  }

  /** When the board was read, in the page's clock (milliseconds since the epoch). */
  public long now() {
    return board.now().toEpochMilli();
  }

  /** When the card's ticket was sent, in milliseconds since the epoch. */
  public long at(KitchenScreen.Card c) {
    return c.ticket().at().toEpochMilli();
  }

  private Duration age(KitchenScreen.Card c) {
    Duration d = Duration.between(c.ticket().at(), board.now());
    return d.isNegative() ? Duration.ZERO : d;
  }

  /** The card's age as mm:ss (minutes past an hour keep counting). */
  public String clock(KitchenScreen.Card c) {
    long s = age(c).toSeconds();
    return String.format("%02d:%02d", s / 60, s % 60);
  }

  /** normal, amber or red. */
  public String level(KitchenScreen.Card c) {
    long m = age(c).toMinutes();
    return m >= KitchenScreen.RED_MINUTES
        ? "red"
        : m >= KitchenScreen.AMBER_MINUTES ? "amber" : "normal";
  }

  /** The word of the card's level. */
  public String levelWord(KitchenScreen.Card c) {
    return view.t("kitchen.age." + level(c));
  }

  /** The card's heading: table and check number. */
  public String heading(KitchenScreen.Card c) {
    return view.t("kitchen.card.heading", c.ticket().table(), c.ticket().checkNumber());
  }

  /** Station, server and guests, in words. */
  public String about(KitchenScreen.Card c) {
    String guests = Words.of(view.lang()).count("kitchen.card.guests", c.ticket().guests());
    String server =
        c.ticket().server() == null || c.ticket().server().isBlank()
            ? ""
            : " · " + c.ticket().server();
    return c.ticket().stationName() + server + " · " + guests;
  }

  /** The seat and course of a line, in words ("" when neither). */
  public String seatCourse(KitchenScreen.Line l) {
    StringBuilder b = new StringBuilder();
    if (l.line().seat() > 0) {
      b.append(view.t("kitchen.line.seat", l.line().seat()));
    }
    if (l.line().course() > 0) {
      if (!b.isEmpty()) {
        b.append(" · ");
      }
      b.append(view.t("kitchen.line.course", l.line().course()));
    }
    return b.toString();
  }

  /** The quantity as written, without trailing zeros. */
  public String quantity(KitchenScreen.Line l) {
    return new java.math.BigDecimal(l.line().quantity()).stripTrailingZeros().toPlainString();
  }

  /** How many lines are still to make, in words ("3 страви"). */
  public String open(KitchenScreen.Card c) {
    return Words.of(view.lang()).count("kitchen.card.open", c.open());
  }

  /** A recall button's words. */
  public String recallLabel(KitchenScreen.Card c) {
    return view.t(
        "kitchen.recall.one",
        c.ticket().table(),
        c.ticket().checkNumber(),
        c.ticket().stationName());
  }

  /** The board fragment's address. */
  public String boardUrl() {
    return Screens.KITCHEN + "/board?" + query;
  }

  /** The event stream's address, from the board's last event. */
  public String eventsUrl() {
    return Screens.KITCHEN + "/events?" + query + "&after=" + last;
  }

  /** The link to a station (null for all) of the store shown. */
  public String stationUrl(String station) {
    return Screens.KITCHEN
        + "?store="
        + board.store().id()
        + (station == null
            ? ""
            : "&station="
                + java.net.URLEncoder.encode(station, java.nio.charset.StandardCharsets.UTF_8));
  }

  /** Whether {@code station} (null for all) is the one shown. */
  public boolean shown(String station) {
    return java.util.Objects.equals(station, board.station());
  }

  /** The station field of the forms: the station shown, or empty for all. */
  public String stationField() {
    return board.station() == null ? "" : board.station();
  }
}
