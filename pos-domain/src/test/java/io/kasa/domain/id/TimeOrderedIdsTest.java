package io.kasa.domain.id;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {

  @Test
  void anIdIsAVersion7UuidOfTheRfcVariantCarryingItsMillisecond() {
    // RFC 9562's example time, 2022-02-22 14:22:22 UTC: its id begins 017f22e2-79b0-7.
    UUID id = TimeOrderedIds.at(0x017F22E279B0L);
    assertThat(id.version()).isEqualTo(7);
    assertThat(id.variant()).isEqualTo(2);
    assertThat(id.toString()).startsWith("017f22e2-79b0-7");
    assertThat(TimeOrderedIds.millis(id)).isEqualTo(0x017F22E279B0L);
    assertThat(TimeOrderedIds.millis(UUID.randomUUID())).isEqualTo(-1);
  }

  @Test
  void idsOfLaterMillisecondsSortAfterAsTheServiceComparesThem() {
    List<UUID> made = new ArrayList<>();
    Set<UUID> distinct = new HashSet<>();
    for (long ms = 1_764_900_000_000L; ms < 1_764_900_000_000L + 2_000; ms++) {
      UUID id = TimeOrderedIds.at(ms);
      made.add(id);
      distinct.add(id);
      // Ten in the same millisecond: distinct, all after the previous millisecond's.
      for (int i = 0; i < 10; i++) {
        distinct.add(TimeOrderedIds.at(ms));
      }
    }
    assertThat(distinct).hasSize(2_000 * 11);
    // PostgreSQL orders uuids bytewise, as unsigned; so does their text.
    for (int i = 1; i < made.size(); i++) {
      assertThat(made.get(i).toString()).isGreaterThan(made.get(i - 1).toString());
    }
  }

  @Test
  void aTimeOutsideFortyEightBitsIsRefused() {
    assertThatThrownBy(() -> TimeOrderedIds.at(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> TimeOrderedIds.at(1L << 48))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(TimeOrderedIds.millis(TimeOrderedIds.next()))
        .isCloseTo(System.currentTimeMillis(), org.assertj.core.data.Offset.offset(60_000L));
  }
}
