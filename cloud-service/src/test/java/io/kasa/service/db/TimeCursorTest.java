package io.kasa.service.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeCursorTest {

  @Test
  void aCursorReadsBackAsItWasGiven() {
    UUID id = UUID.randomUUID();
    Instant at = Instant.parse("2026-12-05T06:40:01.123456Z");
    String text = new TimeCursor<>(at, id).encode();
    assertThat(text).matches("[A-Za-z0-9_-]+");
    assertThat(TimeCursor.decode(text, UUID::fromString)).contains(new TimeCursor<>(at, id));
    assertThat(TimeCursor.decode(new TimeCursor<>(at, 42L).encode(), Long::valueOf))
        .contains(new TimeCursor<>(at, 42L));
  }

  @Test
  void textNoJournalGaveIsNoCursor() {
    Instant at = Instant.parse("2026-12-05T06:40:00Z");
    assertThat(TimeCursor.decode("not base64!", UUID::fromString)).isEmpty();
    assertThat(TimeCursor.decode(b64("no tilde"), UUID::fromString)).isEmpty();
    assertThat(TimeCursor.decode(b64("yesterday~" + UUID.randomUUID()), UUID::fromString))
        .isEmpty();
    // A cursor of another journal: its key is not this journal's kind of key.
    assertThat(TimeCursor.decode(new TimeCursor<>(at, 42L).encode(), UUID::fromString)).isEmpty();
    assertThat(TimeCursor.decode(new TimeCursor<>(at, UUID.randomUUID()).encode(), Long::valueOf))
        .isEmpty();
  }

  private static String b64(String s) {
    return java.util.Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(s.getBytes(java.nio.charset.StandardCharsets.UTF_8));
  }
}
