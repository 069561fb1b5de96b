package io.kasa.terminal.sale;

import io.kasa.domain.catalog.CatalogItem;
import io.kasa.terminal.ui.Banner;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** Finding an item without its code: search as you type, and the quick keys by category. */
public final class Browse {

  private static final int SEARCH_RESULTS = 24;

  private final SaleSession session;
  private final Catalog catalog;
  private final ObservableList<CatalogItem> searchResults = FXCollections.observableArrayList();
  private final ObservableList<String> categories = FXCollections.observableArrayList();
  private final ObservableList<CatalogItem> quickItems = FXCollections.observableArrayList();
  private final StringProperty category = new SimpleStringProperty();

  Browse(SaleSession session, Catalog catalog) {
    this.session = session;
    this.catalog = catalog;
  }

  public ObservableList<CatalogItem> searchResults() {
    return searchResults;
  }

  /** The quick keys' categories. */
  public ObservableList<String> categories() {
    return categories;
  }

  /** The quick keys of the chosen category. */
  public ObservableList<CatalogItem> quickItems() {
    return quickItems;
  }

  public StringProperty categoryProperty() {
    return category;
  }

  /**
   * Loads the categories (after a catalogue sync) and shows the chosen one again, or the first: its
   * keys are read afresh, so they sell at today's prices.
   */
  public void loadQuickKeys() {
    session.tasks.submit(
        catalog::categories,
        found -> {
          categories.setAll(found);
          if (!found.isEmpty()) {
            String chosen = category.get();
            chooseCategory(chosen != null && found.contains(chosen) ? chosen : found.get(0));
          }
        },
        e -> failed());
  }

  /** Shows a category's items as quick keys. */
  public void chooseCategory(String name) {
    category.set(name);
    session.tasks.submit(() -> catalog.inCategory(name, 200), quickItems::setAll, e -> failed());
  }

  /** Search as you type; results replace the previous ones. */
  public void search(String typed) {
    if (typed == null || typed.isBlank()) {
      searchResults.clear();
      return;
    }
    session.tasks.submit(
        () -> catalog.search(typed, SEARCH_RESULTS), searchResults::setAll, e -> failed());
  }

  private void failed() {
    session.show(Banner.Kind.ERROR, session.messages.get("catalog.failed"));
  }
}
