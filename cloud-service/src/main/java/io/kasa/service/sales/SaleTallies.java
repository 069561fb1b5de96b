package io.kasa.service.sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sale carries of its own children for the shift reports (ADR 0038, V43): its voided lines,
 * its tenders' amounts by type and its taxes by class, so an X or Z report adds up a shift's sale
 * rows alone instead of descending three child tables' keys once per sale; and (V49) what it sold
 * of each item, for the back office's Today. Made from the very rows {@link SaleWriter} writes, in
 * the same statement, so the two can never disagree.
 */
final class SaleTallies {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Indexes in a line's row: item, name, quantity, amount, voided; in a tender's: type, amount. */
  private static final int LINE_ITEM = 1;

  private static final int LINE_NAME = 2;
  private static final int LINE_QUANTITY = 3;
  private static final int LINE_AMOUNT = 8;
  private static final int LINE_VOIDED = 12;

  private static final int TENDER_TYPE = 1;
  private static final int TENDER_AMOUNT = 2;
  private static final int TENDER_TIP = 8;

  private SaleTallies() {}

  /**
   * The five tallies of a sale, in {@code RECORD_SALES}'s columns: voided lines, tender sums (a
   * JSON object of type to amount), tax sums (a JSON array of class, rate, net, tax, gross) and
   * item sums (a JSON array of id, name, quantity, amount: the lines not voided, by item, in the
   * order first sold); and (V54) tip sums, a JSON object of type to tip, or null when the sale has
   * no tip.
   */
  static Object[] of(List<Object[]> lines, List<Object[]> taxes, List<Object[]> tenders) {
    int voided = 0;
    Map<String, ObjectNode> byItem = new LinkedHashMap<>();
    for (Object[] l : lines) {
      if (Boolean.TRUE.equals(l[LINE_VOIDED])) {
        voided++;
        continue;
      }
      String item = (String) l[LINE_ITEM];
      BigDecimal quantity = new BigDecimal((String) l[LINE_QUANTITY]);
      long amount = ((Number) l[LINE_AMOUNT]).longValue();
      ObjectNode sum = byItem.get(item);
      if (sum == null) {
        byItem.put(
            item,
            JSON.createObjectNode()
                .put("id", item)
                .put("name", (String) l[LINE_NAME])
                .put("quantity", quantity)
                .put("amount", amount));
      } else {
        sum.put("quantity", sum.get("quantity").decimalValue().add(quantity));
        sum.put("amount", sum.get("amount").longValue() + amount);
      }
    }
    ArrayNode itemSums = JSON.createArrayNode();
    byItem.values().forEach(itemSums::add);
    Map<String, Long> byType = new TreeMap<>();
    Map<String, Long> tips = new TreeMap<>();
    for (Object[] t : tenders) {
      byType.merge((String) t[TENDER_TYPE], ((Number) t[TENDER_AMOUNT]).longValue(), Long::sum);
      long tip = ((Number) t[TENDER_TIP]).longValue();
      if (tip > 0) {
        tips.merge((String) t[TENDER_TYPE], tip, Long::sum);
      }
    }
    ObjectNode tipSums = JSON.createObjectNode();
    tips.forEach(tipSums::put);
    ObjectNode tenderSums = JSON.createObjectNode();
    byType.forEach(tenderSums::put);
    ArrayNode taxSums = JSON.createArrayNode();
    for (Object[] x : taxes) {
      taxSums
          .addObject()
          .put("class", (String) x[0])
          .put("rate", new BigDecimal((String) x[1]))
          .put("net", ((Number) x[2]).longValue())
          .put("tax", ((Number) x[3]).longValue())
          .put("gross", ((Number) x[4]).longValue());
    }
    return new Object[] {
      voided,
      tenderSums.toString(),
      taxSums.toString(),
      itemSums.toString(),
      tips.isEmpty() ? null : tipSums.toString()
    };
  }
}
