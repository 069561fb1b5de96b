package io.kasa.client.terminal;

import io.kasa.client.store.LocalSettings;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/**
 * The Idempotency-Key each enrollment code is tried under, made at the code's first try and kept in
 * the terminal's local settings, so that every later try of the same code — after a timeout, a
 * restart, or another code typed in between — is the same device to the service (ADR 0018). Kept by
 * the code's hash: the code itself is not stored.
 */
final class EnrollmentKeys {

  private final LocalSettings local;

  EnrollmentKeys(LocalSettings local) {
    this.local = local;
  }

  UUID of(String code) {
    String name = "enrollment-key-" + HexFormat.of().formatHex(sha256(normalised(code)));
    return local
        .get(name)
        .map(UUID::fromString)
        .orElseGet(
            () -> {
              UUID key = UUID.randomUUID();
              local.put(name, key.toString());
              return key;
            });
  }

  /** As the service reads a code: the same code typed in lower case or with spaces is the same. */
  private static String normalised(String code) {
    return code.strip().toUpperCase(Locale.ROOT);
  }

  private static byte[] sha256(String s) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
