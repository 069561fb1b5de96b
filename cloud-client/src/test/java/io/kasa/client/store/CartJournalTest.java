package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CartJournalTest {

  @TempDir Path dir;

  private final UUID olena = UUID.randomUUID();
  private final UUID andriy = UUID.randomUUID();

  @Test
  void eachEmployeesOpenCartIsTheirOwnAndSurvivesReopening() {
    UUID sale = UUID.randomUUID();
    try (LocalStore store = LocalStore.open(dir)) {
      CartJournal carts = new CartJournal(store, Clock.systemUTC());
      carts.saveOpen(sale, olena, "Олена", 3100, "{\"v\":1}");
      carts.saveOpen(sale, olena, "Олена", 6200, "{\"v\":2}");
      carts.saveOpen(UUID.randomUUID(), andriy, "Андрій", 100, "{}");
    }
    try (LocalStore store = LocalStore.open(dir)) {
      CartJournal carts = new CartJournal(store, Clock.systemUTC());
      var open = carts.open(olena).orElseThrow();
      assertThat(open.saleId()).isEqualTo(sale);
      assertThat(open.total()).isEqualTo(6200);
      assertThat(open.body()).isEqualTo("{\"v\":2}");
      assertThat(open.parkedAt()).isNull();
      carts.discardOpen(olena);
      assertThat(carts.open(olena)).isEmpty();
      assertThat(carts.open(andriy)).isPresent();
    }
  }

  @Test
  void parkedSalesAreListedAndAnyOneIsRecalledOnce() {
    try (LocalStore store = LocalStore.open(dir)) {
      CartJournal carts = new CartJournal(store, Clock.systemUTC());
      UUID first = UUID.randomUUID();
      UUID second = UUID.randomUUID();
      carts.saveOpen(first, olena, "Олена", 3100, "a");
      carts.park(first, olena, "Олена", 3100, "a");
      carts.park(second, andriy, "Андрій", 4250, "b");
      assertThat(carts.open(olena)).isEmpty();
      assertThat(carts.parked())
          .extracting(CartJournal.Entry::saleId)
          .containsExactlyInAnyOrder(first, second);
      assertThat(carts.parked()).allMatch(e -> e.parkedAt() != null);

      var recalled = carts.recall(first, andriy, "Андрій").orElseThrow();
      assertThat(recalled.employeeName()).isEqualTo("Олена");
      assertThat(recalled.body()).isEqualTo("a");
      assertThat(carts.recall(first, olena, "Олена")).isEmpty();
      assertThat(carts.parked()).extracting(CartJournal.Entry::saleId).containsExactly(second);
      assertThat(carts.open(andriy).orElseThrow().saleId()).isEqualTo(first);
    }
  }
}
