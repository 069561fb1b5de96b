package io.kasa.service.db;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Where a page of a journal kept newest first ends: its last row's time and key (the keyset the
 * next page continues below, {@code (time, key) < (at, key)}), opaque to the caller as base64url of
 * {@code time~key}. The sales, shifts and audit journals page this way.
 *
 * @param at the last row's time
 * @param key the last row's key, which breaks ties between rows of the same time
 * @param <K> the key's type
 */
public record TimeCursor<K>(Instant at, K key) {

  /** The cursor as the caller is given it. */
  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((at + "~" + key).getBytes(StandardCharsets.UTF_8));
  }

  /** The time, as a query binds it. */
  public OffsetDateTime atUtc() {
    return OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
  }

  /**
   * The cursor {@code text} encodes, its key read by {@code key} (which throws an {@link
   * IllegalArgumentException} for a key it does not read); empty for text no journal gave.
   */
  public static <K> Optional<TimeCursor<K>> decode(String text, Function<String, K> key) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int tilde = plain.indexOf('~');
      if (tilde < 0) {
        return Optional.empty();
      }
      return Optional.of(
          new TimeCursor<>(
              Instant.parse(plain.substring(0, tilde)), key.apply(plain.substring(tilde + 1))));
    } catch (IllegalArgumentException | DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
