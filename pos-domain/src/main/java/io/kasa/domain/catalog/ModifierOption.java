package io.kasa.domain.catalog;

import io.kasa.domain.money.Money;
import java.util.Objects;

/**
 * One choice of a {@link ModifierGroup}, e.g. «Вівсяне» in «Молоко» at +15,00.
 *
 * @param id stable identifier, unique within its group
 * @param name the name printed beneath the line, in the catalogue's language
 * @param priceDelta what the option adds to the item's unit price; zero for a free choice, negative
 *     for one that takes something off (the line's unit price never goes below zero)
 */
public record ModifierOption(String id, String name, Money priceDelta) {

  public ModifierOption {
    CatalogItem.requireText(id, "modifier option id");
    CatalogItem.requireText(name, "modifier option name");
    Objects.requireNonNull(priceDelta, "priceDelta");
  }
}
