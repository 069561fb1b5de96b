package io.kasa.api.terminal;

import io.kasa.domain.money.Percent;
import io.kasa.domain.tender.TipRules;
import java.util.List;

/**
 * A store's tip rules as the tills receive them (ADR 0054).
 *
 * @param enabled whether the register offers a tip on cards and takes cash tips
 * @param presets the percentages offered in one touch, decimal strings ({@code "10"}), one to four
 * @param maxPercent the largest tip as a percentage of what the tender pays, a decimal string
 */
public record TipRulesDto(boolean enabled, List<String> presets, String maxPercent) {

  /** The domain's rules; {@link TipRules#OFF} for none (a configuration from before tips). */
  public static TipRules toDomain(TipRulesDto dto) {
    if (dto == null) {
      return TipRules.OFF;
    }
    return new TipRules(
        dto.enabled(),
        dto.presets().stream().map(Percent::parse).toList(),
        Percent.parse(dto.maxPercent()));
  }

  /** The rules as sent. */
  public static TipRulesDto of(TipRules rules) {
    return new TipRulesDto(
        rules.enabled(),
        rules.presets().stream().map(p -> p.value().toPlainString()).toList(),
        rules.maxPercent().value().toPlainString());
  }
}
