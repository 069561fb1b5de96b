package io.kasa.api.auth;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Slow salted PIN hashes: PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as {@code
 * pbkdf2-sha256$<iterations>$<salt>$<hash>}. The iteration count is part of each hash, so it can be
 * raised later without invalidating existing PINs. The service keeps these hashes; enrolled
 * terminals cache them to sign employees in while the service cannot be reached (ADR 0008).
 */
public final class PinHasher {

  /** OWASP's 2023 recommendation for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  private static final SecureRandom RANDOM = new SecureRandom();

  private final int iterations;

  public PinHasher(int iterations) {
    if (iterations < 1_000) {
      throw new IllegalArgumentException("Too few iterations for a PIN hash: " + iterations);
    }
    this.iterations = iterations;
  }

  /** The iterations of new hashes. */
  public int iterations() {
    return iterations;
  }

  public String hash(String pin) {
    validate(pin);
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    byte[] hash = derive(pin, salt, iterations);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(hash);
  }

  /** Whether {@code pin} matches {@code stored}; false for a malformed hash, never an exception. */
  public static boolean verify(String pin, String stored) {
    String[] parts = stored == null ? new String[0] : stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256") || pin == null) {
      return false;
    }
    byte[] expected;
    byte[] salt;
    int iterations;
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      expected = b64.decode(parts[3]);
      salt = b64.decode(parts[2]);
      iterations = Integer.parseInt(parts[1]);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (iterations < 1_000 || iterations > 10_000_000 || expected.length != 32) {
      return false;
    }
    byte[] actual = derive(pin, salt, iterations);
    return java.security.MessageDigest.isEqual(expected, actual);
  }

  /** PINs are 4 to 12 digits. */
  public static void validate(String pin) {
    if (pin == null || !pin.matches("[0-9]{4,12}")) {
      throw new IllegalArgumentException("A PIN is 4 to 12 digits");
    }
  }

  private static byte[] derive(String pin, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
