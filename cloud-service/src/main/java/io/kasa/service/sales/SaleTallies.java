package io.kasa.service.sales;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a sale carries of its own children for the shift reports (ADR 0038, V43): its voided lines,
 * its tenders' amounts by type and its taxes by class, so an X or Z report adds up a shift's sale
 * rows alone instead of descending three child tables' keys once per sale. Made from the very rows
 * {@link SaleWriter} writes, in the same statement, so the two can never disagree.
 */
final class SaleTallies {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Index of the voided flag in a line's row, of the type and amount in a tender's. */
  private static final int LINE_VOIDED = 12;

  private static final int TENDER_TYPE = 1;
  private static final int TENDER_AMOUNT = 2;

  private SaleTallies() {}

  /**
   * The three tallies of a sale, in {@code RECORD_SALES}'s columns: voided lines, tender sums (a
   * JSON object of type to amount) and tax sums (a JSON array of class, rate, net, tax, gross).
   */
  static Object[] of(List<Object[]> lines, List<Object[]> taxes, List<Object[]> tenders) {
    int voided = 0;
    for (Object[] l : lines) {
      if (Boolean.TRUE.equals(l[LINE_VOIDED])) {
        voided++;
      }
    }
    Map<String, Long> byType = new TreeMap<>();
    for (Object[] t : tenders) {
      byType.merge((String) t[TENDER_TYPE], ((Number) t[TENDER_AMOUNT]).longValue(), Long::sum);
    }
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
    return new Object[] {voided, tenderSums.toString(), taxSums.toString()};
  }
}
