package io.kasa.service.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a new terminal's secret for its device's retry (ADR 0018): AES-256-GCM under a key derived
 * by HKDF-SHA256 (RFC 5869) from the enrollment code and the device's Idempotency-Key. The database
 * keeps neither (only their SHA-256 hashes), so the sealed secret opens only for the device that
 * sent both. The code's hash is the associated data: a sealed secret copied to another code's row
 * does not open.
 */
final class EnrollmentSeal {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] SALT = "kasa enrollment retry v1".getBytes(StandardCharsets.UTF_8);
  private static final byte[] INFO = "AES-256-GCM".getBytes(StandardCharsets.UTF_8);
  private static final int NONCE = 12;
  private static final int TAG_BITS = 128;

  private EnrollmentSeal() {}

  /** The secret sealed: a random nonce followed by the ciphertext and its tag. */
  static byte[] seal(String secret, String code, UUID key, byte[] codeHash) {
    byte[] nonce = new byte[NONCE];
    RANDOM.nextBytes(nonce);
    try {
      Cipher aes = cipher(Cipher.ENCRYPT_MODE, code, key, nonce, codeHash);
      byte[] sealed = aes.doFinal(secret.getBytes(StandardCharsets.UTF_8));
      byte[] out = Arrays.copyOf(nonce, NONCE + sealed.length);
      System.arraycopy(sealed, 0, out, NONCE, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  /** The secret, or empty when {@code sealed} was not sealed under this code and key. */
  static Optional<String> open(byte[] sealed, String code, UUID key, byte[] codeHash) {
    if (sealed == null || sealed.length <= NONCE) {
      return Optional.empty();
    }
    try {
      Cipher aes = cipher(Cipher.DECRYPT_MODE, code, key, Arrays.copyOf(sealed, NONCE), codeHash);
      return Optional.of(
          new String(aes.doFinal(sealed, NONCE, sealed.length - NONCE), StandardCharsets.UTF_8));
    } catch (javax.crypto.AEADBadTagException wrongKey) {
      return Optional.empty();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  private static Cipher cipher(int mode, String code, UUID key, byte[] nonce, byte[] codeHash)
      throws GeneralSecurityException {
    Cipher aes = Cipher.getInstance("AES/GCM/NoPadding");
    aes.init(mode, derive(code, key), new GCMParameterSpec(TAG_BITS, nonce));
    aes.updateAAD(codeHash);
    return aes;
  }

  /** HKDF-SHA256 with one block of output: 32 bytes, an AES-256 key. */
  private static SecretKeySpec derive(String code, UUID key) throws GeneralSecurityException {
    Mac extract = Mac.getInstance("HmacSHA256");
    extract.init(new SecretKeySpec(SALT, "HmacSHA256"));
    byte[] prk = extract.doFinal((code + '\0' + key).getBytes(StandardCharsets.UTF_8));
    Mac expand = Mac.getInstance("HmacSHA256");
    expand.init(new SecretKeySpec(prk, "HmacSHA256"));
    expand.update(INFO);
    expand.update((byte) 1);
    return new SecretKeySpec(expand.doFinal(), "AES");
  }
}
