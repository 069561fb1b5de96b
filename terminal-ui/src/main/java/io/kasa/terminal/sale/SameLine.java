package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.domain.sale.ChosenModifier;
import io.kasa.domain.sale.SaleLine;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;

/**
 * Which line the same item chosen again joins: the last one of it, at its catalogue price with no
 * discount or override, not voided, asking exactly the same options and note. Weighed items keep a
 * line per weighing, as their labels do; a terminal setting may turn joining off.
 */
final class SameLine {

  private final SaleSession session;
  private final BooleanProperty joinRepeats = new SimpleBooleanProperty(true);

  SameLine(SaleSession session) {
    this.session = session;
  }

  /** Whether a repeated piece item joins its line (the default) or makes one of its own. */
  BooleanProperty joinRepeatsProperty() {
    return joinRepeats;
  }

  /** The line {@code item} with no options joins, if any. */
  Optional<SaleLine> of(CatalogItem item) {
    return of(item, List.of(), null);
  }

  /** The line {@code item} with these options and note joins, if any. */
  Optional<SaleLine> of(CatalogItem item, List<ChosenModifier> modifiers, String note) {
    if (!joinRepeats.get() || item.unit().isMeasured()) {
      return Optional.empty();
    }
    List<SaleLine> all = session.sale().lines();
    for (int i = all.size() - 1; i >= 0; i--) {
      SaleLine l = all.get(i);
      if (l.item().id().equals(item.id())
          && !l.voided()
          && l.override() == null
          && l.discount() == null
          && l.modifiers().equals(modifiers)
          && Objects.equals(l.note(), note)
          && l.unitPrice().equals(item.price())) {
        return Optional.of(l);
      }
    }
    return Optional.empty();
  }
}
