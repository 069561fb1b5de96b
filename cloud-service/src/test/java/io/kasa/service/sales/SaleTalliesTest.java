package io.kasa.service.sales;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A sale's tallies from the rows the writer writes (V43, ADR 0038). */
class SaleTalliesTest {

  private static Object[] line(int number, boolean voided) {
    return line(number, "item", "1", 100L, voided);
  }

  private static Object[] line(int number, String item, String q, long amount, boolean voided) {
    return new Object[] {
      number,
      item,
      "Name " + item,
      q,
      100L,
      amount,
      0L,
      0L,
      amount,
      17L,
      "VAT20",
      null,
      voided,
      null,
      null
    };
  }

  private static Object[] tender(String type, long amount) {
    return tender(type, amount, 0L);
  }

  private static Object[] tender(String type, long amount, long tip) {
    return new Object[] {"id", type, amount, "APPROVED", null, null, null, null, tip};
  }

  @Test
  void addsTipsByTenderTypeOnlyWhenThereAreAny() {
    Object[] t =
        SaleTallies.of(
            List.<Object[]>of(line(1, false)),
            List.<Object[]>of(),
            List.of(tender("CARD", 5000, 500), tender("CASH", 2000, 0), tender("CARD", 100, 50)));
    assertThat(t[1]).isEqualTo("{\"CARD\":5100,\"CASH\":2000}");
    assertThat(t[4]).isEqualTo("{\"CARD\":550}");
  }

  @Test
  void countsVoidedLinesAndAddsTendersByTypeAndTaxesByClass() {
    Object[] t =
        SaleTallies.of(
            List.of(line(1, false), line(2, true), line(3, true)),
            List.of(
                new Object[] {"VAT20", "20", 5000L, 1000L, 6000L},
                new Object[] {"VAT7", "7.000000", 1000L, 70L, 1070L}),
            List.of(tender("CASH", 2000), tender("CARD", 5000), tender("CASH", 70)));
    assertThat(t[0]).isEqualTo(2);
    assertThat(t[1]).isEqualTo("{\"CARD\":5000,\"CASH\":2070}");
    assertThat(t[2])
        .isEqualTo(
            "[{\"class\":\"VAT20\",\"rate\":20,\"net\":5000,\"tax\":1000,\"gross\":6000},"
                + "{\"class\":\"VAT7\",\"rate\":7.000000,\"net\":1000,\"tax\":70,\"gross\":1070}]");
  }

  @Test
  void aSaleWithNothingHangingOffItHasEmptyTallies() {
    assertThat(SaleTallies.of(List.of(), List.of(), List.of()))
        .containsExactly(0, "{}", "[]", "[]", null);
  }

  @Test
  void addsWhatWasSoldOfEachItemLeavingVoidedLinesOut() {
    Object[] t =
        SaleTallies.of(
            List.of(
                line(1, "milk", "2", 8580L, false),
                line(2, "apples", "0.755", 3010L, false),
                line(3, "milk", "1", 4290L, false),
                line(4, "milk", "5", 21450L, true)),
            List.of(),
            List.of());
    assertThat(t[3])
        .isEqualTo(
            "[{\"id\":\"milk\",\"name\":\"Name milk\",\"quantity\":3,\"amount\":12870},"
                + "{\"id\":\"apples\",\"name\":\"Name apples\",\"quantity\":0.755,\"amount\":3010}]");
  }
}
