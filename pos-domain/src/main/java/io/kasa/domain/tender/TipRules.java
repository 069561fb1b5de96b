package io.kasa.domain.tender;

import io.kasa.domain.money.Money;
import io.kasa.domain.money.Percent;
import java.math.RoundingMode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A store's tip rules (ADR 0054): whether the register offers a tip, the percentages it offers, and
 * the largest tip it takes, as a percentage of what the tender pays towards the sale. The same
 * rules are applied by the register when it offers a tip and by the service when it records one.
 *
 * @param enabled whether tips are taken at all
 * @param presets the percentages offered in one touch (one to four, each above zero), in order
 * @param maxPercent the largest tip as a percentage of the tender's amount; a larger tip is refused
 */
public record TipRules(boolean enabled, List<Percent> presets, Percent maxPercent) {

  /** At most this many presets fit the register's tip step beside "Other" and "No tip". */
  public static final int MAX_PRESETS = 4;

  /** The highest maximum a store may set: a tip of ten times the sale is a mistake. */
  public static final Percent HIGHEST_MAX = Percent.of(1000);

  /** No tips: what a store has until its owner turns them on. */
  public static final TipRules OFF =
      new TipRules(false, List.of(Percent.of(5), Percent.of(10), Percent.of(15)), Percent.of(100));

  public TipRules {
    Objects.requireNonNull(presets, "presets");
    Objects.requireNonNull(maxPercent, "maxPercent");
    presets = List.copyOf(presets);
    if (presets.isEmpty() || presets.size() > MAX_PRESETS) {
      throw new IllegalArgumentException("One to " + MAX_PRESETS + " tip presets: " + presets);
    }
    for (Percent p : presets) {
      if (p.isZero() || p.compareTo(maxPercent) > 0) {
        throw new IllegalArgumentException(
            "A tip preset is above 0 % and at most the maximum " + maxPercent + ": " + p);
      }
      if (p.value().scale() > 2) {
        throw new IllegalArgumentException("A tip preset has at most two decimals: " + p);
      }
    }
    if (maxPercent.isZero() || maxPercent.compareTo(HIGHEST_MAX) > 0) {
      throw new IllegalArgumentException(
          "The largest tip is above 0 % and at most " + HIGHEST_MAX + ": " + maxPercent);
    }
  }

  /**
   * {@code percent} of {@code base}, rounded half up to the minor unit: the tip a preset offers.
   * Card tips are never cash-rounded (ADR 0003: only cash settling a sale is rounded).
   */
  public static Money percentOf(Money base, Percent percent) {
    return base.percent(percent, RoundingMode.HALF_UP);
  }

  /** The tips the presets offer on {@code base}, in the presets' order. */
  public List<Money> offers(Money base) {
    return presets.stream().map(p -> percentOf(base, p)).toList();
  }

  /**
   * The largest tip these rules take on {@code base}, rounded as the presets are, so a preset at
   * the maximum is always taken.
   */
  public Money largest(Money base) {
    return percentOf(base, maxPercent);
  }

  /**
   * Why {@code tip} on a tender paying {@code base} is refused, or empty when it is taken: a tip
   * while tips are off, a negative one, or one above the maximum.
   */
  public Optional<Refusal> check(Money base, Money tip) {
    if (tip.isNegative()) {
      return Optional.of(Refusal.NEGATIVE);
    }
    if (tip.isZero()) {
      return Optional.empty();
    }
    if (!enabled) {
      return Optional.of(Refusal.TIPS_OFF);
    }
    if (tip.isGreaterThan(largest(base))) {
      return Optional.of(Refusal.OVER_MAXIMUM);
    }
    return Optional.empty();
  }

  /** Why a tip is refused. */
  public enum Refusal {
    NEGATIVE,
    TIPS_OFF,
    OVER_MAXIMUM
  }
}
