package io.kasa.terminal.sale;

import io.kasa.terminal.ui.Banner;
import java.util.UUID;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * F9: the sale in progress parked for later, and any parked sale recalled from a list showing when
 * it was parked, by whom, and its total. Parked sales are kept in the {@link SaleJournal}, so a
 * restart loses none and every register's employee sees the same list.
 */
public final class ParkedSales {

  private final SaleSession session;
  private final SaleJournal journal;
  private final OpenCarts carts;
  private final ObservableList<SaleJournal.Parked> list = FXCollections.observableArrayList();
  private final SimpleIntegerProperty count = new SimpleIntegerProperty();
  private final BooleanProperty choosing = new SimpleBooleanProperty();

  ParkedSales(SaleSession session, SaleJournal journal, OpenCarts carts) {
    this.session = session;
    this.journal = journal;
    this.carts = carts;
    list.addListener(
        (javafx.collections.ListChangeListener<SaleJournal.Parked>) c -> count.set(list.size()));
  }

  /** The parked sales, oldest first. */
  public ObservableList<SaleJournal.Parked> list() {
    return list;
  }

  /** How many sales are parked. */
  public ReadOnlyIntegerProperty countProperty() {
    return count;
  }

  /** True while the list is shown to choose a sale to recall. */
  public BooleanProperty choosingProperty() {
    return choosing;
  }

  /** Reads the list again (on start and sign-in: another register may have parked meanwhile). */
  public void reload() {
    session.tasks.submit(
        journal::parked,
        list::setAll,
        e -> session.show(Banner.Kind.ERROR, session.messages.get("sale.keptFailed")));
  }

  /** Parks the sale in progress; with an empty cart, shows the parked sales to recall one. */
  public void parkOrRecall() {
    if (session.phase.get() != SaleViewModel.Phase.CART) {
      return;
    }
    if (!session.sale().lines().isEmpty()) {
      park();
    } else if (!list.isEmpty()) {
      choosing.set(true);
    } else {
      session.show(Banner.Kind.WARNING, session.messages.get("sale.nothingParked"));
    }
  }

  private void park() {
    SaleJournal.Employee who = carts.employee();
    if (who == null) {
      return;
    }
    int parked = list.size() + 1;
    journal.park(who, session.sale());
    session.newSale();
    session.show(Banner.Kind.INFO, session.messages.get("sale.parked", parked));
    reload();
  }

  /** Recalls a parked sale; a cart in progress is parked first, so nothing is lost. */
  public void recall(UUID saleId) {
    choosing.set(false);
    SaleJournal.Employee who = carts.employee();
    if (who == null || session.phase.get() != SaleViewModel.Phase.CART) {
      return;
    }
    if (!session.sale().lines().isEmpty()) {
      journal.park(who, session.sale());
    }
    session.tasks.submit(
        () -> journal.recall(saleId, who),
        recalled -> {
          if (recalled.isPresent()) {
            session.use(recalled.get());
            session.show(Banner.Kind.INFO, session.messages.get("sale.recalled"));
          } else {
            session.show(Banner.Kind.WARNING, session.messages.get("sale.recallGone"));
          }
          reload();
        },
        e -> session.show(Banner.Kind.ERROR, session.messages.get("sale.keptFailed")));
  }
}
