package io.kasa.domain.id;

import java.time.Clock;
import java.util.UUID;

/**
 * UUID version 7 (RFC 9562): 48 bits of Unix time in milliseconds, then 74 random bits. Ids made
 * one after another sort in the order they were made, so the service's keys that begin with a
 * sale's id take each new sale at the right-hand edge of their indexes, in pages already in memory,
 * instead of on a random leaf of a multi-gigabyte index (ADR 0038). They are still unguessable
 * enough to be keys, not secrets: a receipt's link keeps its own random token.
 */
public final class TimeOrderedIds {

  private TimeOrderedIds() {}

  /** A new id for now. */
  public static UUID next() {
    return at(Clock.systemUTC().millis());
  }

  /** A new id made at {@code epochMillis}. */
  public static UUID at(long epochMillis) {
    if (epochMillis < 0 || epochMillis >= 1L << 48) {
      throw new IllegalArgumentException("Time outside UUIDv7's 48 bits: " + epochMillis);
    }
    // The random bits of a version 4 UUID (the JDK's secure generator): 12 of its first half, and
    // its second half whole, whose variant bits are already RFC 9562's.
    UUID random = UUID.randomUUID();
    long msb = epochMillis << 16 | 0x7000L | random.getMostSignificantBits() & 0x0FFFL;
    long lsb = random.getLeastSignificantBits();
    return new UUID(msb, lsb);
  }

  /** When {@code id} was made, if it is a version 7 UUID; -1 otherwise. */
  public static long millis(UUID id) {
    return id.version() == 7 ? id.getMostSignificantBits() >>> 16 : -1;
  }
}
