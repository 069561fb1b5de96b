package io.kasa.terminal.sale;

/** A message in place on the sale screen: what happened, and whether it needs attention. */
public record Banner(Kind kind, String text) {

  /** How it looks: information, a warning, or an error. */
  public enum Kind {
    INFO,
    WARNING,
    ERROR
  }
}
