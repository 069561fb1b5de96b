package io.kasa.service.sales;

import io.kasa.api.Problem;
import io.kasa.api.sales.SaleRequest;
import io.kasa.api.sales.TenderDto;
import io.kasa.domain.money.Money;
import io.kasa.domain.tender.TipRules;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Optional;

/** A sale's tips against its store's tip rules (ADR 0054). */
final class SaleTips {

  private SaleTips() {}

  /**
   * The tips that the store's rules refuse (ADR 0054): a tip while tips are off, or one above the
   * store's largest tip as a percentage of what the tender pays; each with its JSON pointer and
   * why. A sale made online is refused for them (the till checked the same rules a moment ago); a
   * sale made offline is recorded and they are audited, as the till may have held older rules.
   */
  static List<Problem.FieldError> outsideRules(SaleRequest r, TipRules rules, Currency currency) {
    List<Problem.FieldError> out = new ArrayList<>();
    for (int i = 0; i < r.tenders().size(); i++) {
      TenderDto t = r.tenders().get(i);
      Money amount = Money.of(t.amount(), currency);
      Money tip = Money.of(t.tipOrZero(), currency);
      Optional<TipRules.Refusal> refusal = rules.check(amount, tip);
      if (refusal.isPresent()) {
        out.add(
            new Problem.FieldError(
                "/tenders/" + i + "/tip",
                switch (refusal.get()) {
                  case TIPS_OFF -> "The store takes no tips";
                  case OVER_MAXIMUM ->
                      "A tip is at most "
                          + rules.maxPercent().value().toPlainString()
                          + " % of the tender's amount ("
                          + rules.largest(amount).minor()
                          + " minor units)";
                  case NEGATIVE -> "A tip is not negative";
                }));
      }
    }
    return out;
  }
}
