package io.kasa.client.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.kasa.domain.receipt.ReceiptNumber;
import java.nio.file.Path;
import java.time.Clock;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReceiptSequenceTest {

  @TempDir Path dir;

  @Test
  void numbersAreGaplessTakenWithTheSaleAndSurviveReopening() {
    try (LocalStore store = LocalStore.open(dir)) {
      Outbox outbox = new Outbox(store, Clock.systemUTC());
      ReceiptNumber first =
          store.inTransaction(
              c -> {
                ReceiptNumber n = ReceiptSequence.next(c, "K1", "T1");
                outbox.append(c, UUID.randomUUID(), "SALE", "/v1/sales", "{}", null);
                return n;
              });
      assertThat(first.toString()).isEqualTo("K1-T1-000001");
      // A sale that fails to journal gives its number back.
      UUID taken = UUID.randomUUID();
      outbox.append(taken, "SALE", "/v1/sales", "{}", null);
      assertThatThrownBy(
              () ->
                  store.inTransaction(
                      c -> {
                        ReceiptSequence.next(c, "K1", "T1");
                        outbox.append(c, taken, "SALE", "/v1/sales", "{}", null);
                        return null;
                      }))
          .isInstanceOf(StoreException.class);
      assertThat(store.inTransaction(c -> ReceiptSequence.next(c, "K1", "T1")).sequence())
          .isEqualTo(2);
      assertThat(store.inTransaction(c -> ReceiptSequence.next(c, "K1", "T2")).sequence())
          .isEqualTo(1);
    }
    try (LocalStore store = LocalStore.open(dir)) {
      store.inTransaction(
          c -> {
            ReceiptSequence.atLeast(c, "K1", "T1", 1);
            return null;
          });
      assertThat(store.inTransaction(c -> ReceiptSequence.next(c, "K1", "T1")).sequence())
          .isEqualTo(3);
      store.inTransaction(
          c -> {
            ReceiptSequence.atLeast(c, "K1", "T1", 500);
            return null;
          });
      ReceiptNumber after = store.inTransaction(c -> ReceiptSequence.next(c, "K1", "T1"));
      assertThat(after.toString()).isEqualTo("K1-T1-000501");
    }
  }
}
