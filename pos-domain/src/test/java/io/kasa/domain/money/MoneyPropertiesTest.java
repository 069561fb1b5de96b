package io.kasa.domain.money;

import static io.kasa.domain.Fixtures.UAH;
import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;

class MoneyPropertiesTest {

  @Property
  void allocationIntoPartsIsExactAndFair(
      @ForAll @LongRange(min = -10_000_000_000L, max = 10_000_000_000L) long minor,
      @ForAll @IntRange(min = 1, max = 50) int parts) {
    List<Money> shares = Money.of(minor, UAH).allocate(parts);
    assertThat(shares).hasSize(parts);
    assertThat(sum(shares)).isEqualTo(minor);
    long min = shares.stream().mapToLong(Money::minor).min().orElseThrow();
    long max = shares.stream().mapToLong(Money::minor).max().orElseThrow();
    assertThat(max - min).isLessThanOrEqualTo(1);
  }

  @Property
  void allocationByWeightsIsExactAndEachShareWithinOneOfItsExactValue(
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long minor,
      @ForAll @Size(min = 1, max = 20) List<@LongRange(min = 0, max = 10_000_000) Long> weights) {
    long[] w = weights.stream().mapToLong(Long::longValue).toArray();
    long total = weights.stream().mapToLong(Long::longValue).sum();
    if (total == 0) {
      w[0] = 1;
      total = 1;
    }
    List<Money> shares = Money.of(minor, UAH).allocate(w);
    assertThat(sum(shares)).isEqualTo(minor);
    for (int i = 0; i < w.length; i++) {
      BigDecimal exact =
          new BigDecimal(BigInteger.valueOf(minor).multiply(BigInteger.valueOf(w[i])))
              .divide(BigDecimal.valueOf(total), 10, RoundingMode.HALF_EVEN);
      BigDecimal diff = exact.subtract(BigDecimal.valueOf(shares.get(i).minor())).abs();
      assertThat(diff).isLessThan(BigDecimal.ONE);
      if (w[i] == 0) {
        assertThat(shares.get(i).minor()).isZero();
      }
    }
  }

  @Property
  void percentageIsBetweenRoundingDownAndUp(
      @ForAll @LongRange(min = 0, max = 1_000_000_000L) long minor,
      @ForAll @IntRange(min = 0, max = 100_000) int basisPointsThousandths) {
    Percent p = new Percent(BigDecimal.valueOf(basisPointsThousandths, 3));
    Money amount = Money.of(minor, UAH);
    Money down = amount.percent(p, RoundingMode.DOWN);
    Money up = amount.percent(p, RoundingMode.UP);
    Money half = amount.percent(p, RoundingMode.HALF_UP);
    assertThat(up.minor() - down.minor()).isBetween(0L, 1L);
    assertThat(half.minor()).isBetween(down.minor(), up.minor());
  }

  @Property
  void cashRoundingMovesByAtMostHalfAnIncrement(
      @ForAll @LongRange(min = -1_000_000_000L, max = 1_000_000_000L) long minor,
      @ForAll @IntRange(min = 1, max = 100) int increment) {
    Money rounded = Money.of(minor, UAH).roundTo(Money.of(increment, UAH), RoundingMode.HALF_UP);
    assertThat(rounded.minor() % increment).isZero();
    assertThat(2 * Math.abs(rounded.minor() - minor)).isLessThanOrEqualTo(increment);
  }

  private static long sum(List<Money> shares) {
    return shares.stream().mapToLong(Money::minor).sum();
  }
}
