package io.kasa.api.office;

import java.util.List;

/**
 * A change of a store's tip rules (ADR 0054): a part left out (null) stays as it is.
 *
 * @param enabled whether the register offers a tip when a card pays and takes cash tips
 * @param presets one to four percentages offered in one touch, decimal strings ({@code "10"})
 * @param maxPercent the largest tip as a percentage of what the tender pays, a decimal string
 */
public record OfficeStoreTips(Boolean enabled, List<String> presets, String maxPercent) {}
