package io.kasa.service.accounts;

import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.spec.InvalidKeySpecException;
import java.util.Base64;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * Password hashes: PBKDF2-HMAC-SHA256 from the JDK with a random 16-byte salt and OWASP's iteration
 * count for it (600,000), stored as {@code pbkdf2-sha256$iterations$salt$hash} like the PINs' so
 * the count can rise for new hashes without breaking old ones.
 */
public final class Passwords {

  /** OWASP's Password Storage Cheat Sheet (2023) for PBKDF2-HMAC-SHA256. */
  public static final int DEFAULT_ITERATIONS = 600_000;

  /** The shortest password accepted (NIST SP 800-63B asks at least 8; we ask a little more). */
  public static final int MIN_LENGTH = 10;

  /** The longest: hashing is slow, so an endless password must not be a way to tie up a core. */
  public static final int MAX_LENGTH = 200;

  private static final SecureRandom RANDOM = new SecureRandom();

  /** A hash of nothing, verified against when an email names no account, to take the same time. */
  private final String decoy;

  private final int iterations;

  public Passwords(int iterations) {
    if (iterations < 1_000) {
      throw new IllegalArgumentException("Too few iterations for a password hash: " + iterations);
    }
    this.iterations = iterations;
    this.decoy = hash("decoy password, never anyone's");
  }

  public String hash(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
    return "pbkdf2-sha256$"
        + iterations
        + "$"
        + b64.encodeToString(salt)
        + "$"
        + b64.encodeToString(derive(password, salt, iterations));
  }

  /** Whether {@code password} matches {@code stored}; false for a malformed or missing hash. */
  public boolean verify(String password, String stored) {
    if (stored == null) {
      verifyHash(password, decoy);
      return false;
    }
    return verifyHash(password, stored);
  }

  private static boolean verifyHash(String password, String stored) {
    String[] parts = stored.split("\\$");
    if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256") || password == null) {
      return false;
    }
    try {
      Base64.Decoder b64 = Base64.getDecoder();
      byte[] expected = b64.decode(parts[3]);
      byte[] salt = b64.decode(parts[2]);
      int n = Integer.parseInt(parts[1]);
      if (n < 1_000 || n > 10_000_000 || expected.length != 32) {
        return false;
      }
      return java.security.MessageDigest.isEqual(expected, derive(password, salt, n));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  /** Null when {@code password} is acceptable, else the words key saying why not. */
  public static String problem(String password) {
    if (password == null || password.codePointCount(0, password.length()) < MIN_LENGTH) {
      return "password.tooShort";
    }
    if (password.length() > MAX_LENGTH) {
      return "password.tooLong";
    }
    return null;
  }

  private static byte[] derive(String password, byte[] salt, int iterations) {
    PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
    try {
      return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
    } catch (NoSuchAlgorithmException | InvalidKeySpecException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is part of every JDK", e);
    } finally {
      spec.clearPassword();
    }
  }
}
