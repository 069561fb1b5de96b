package io.kasa.service.accounts;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time passwords (RFC 6238 over RFC 4226's HOTP) with the JDK's HMAC: 30-second
 * steps, 6 digits, HMAC-SHA1 as every authenticator app expects, a code accepted one step either
 * side for clocks that drift, never twice.
 */
public final class Totp {

  public static final int STEP_SECONDS = 30;
  public static final int DIGITS = 6;

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final String BASE32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";

  private Totp() {}

  /** A new shared key of 160 bits (RFC 4226's recommended length). */
  public static byte[] newKey() {
    byte[] key = new byte[20];
    RANDOM.nextBytes(key);
    return key;
  }

  /** The time step of {@code epochSecond}. */
  public static long step(long epochSecond) {
    return Math.floorDiv(epochSecond, STEP_SECONDS);
  }

  /**
   * The code of {@code step} with {@code key}, {@code digits} long, using HMAC {@code algorithm}.
   */
  public static String code(byte[] key, long step, int digits, String algorithm) {
    try {
      Mac mac = Mac.getInstance(algorithm);
      mac.init(new SecretKeySpec(key, algorithm));
      byte[] h = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
      int offset = h[h.length - 1] & 0x0f;
      int binary =
          ((h[offset] & 0x7f) << 24)
              | ((h[offset + 1] & 0xff) << 16)
              | ((h[offset + 2] & 0xff) << 8)
              | (h[offset + 3] & 0xff);
      int mod = 1;
      for (int i = 0; i < digits; i++) {
        mod *= 10;
      }
      String s = Integer.toString(binary % mod);
      return "0".repeat(digits - s.length()) + s;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(algorithm + " is part of every JDK", e);
    }
  }

  /** The 6-digit HMAC-SHA1 code of {@code step}. */
  public static String code(byte[] key, long step) {
    return code(key, step, DIGITS, "HmacSHA1");
  }

  /**
   * The step whose code {@code code} is, within one step of {@code now}'s and after {@code
   * lastUsed}, or -1 when it is none of them.
   */
  public static long match(byte[] key, String code, long nowStep, Long lastUsed) {
    if (code == null) {
      return -1;
    }
    String c = code.replace(" ", "");
    if (!c.matches("[0-9]{6}")) {
      return -1;
    }
    for (long s = nowStep - 1; s <= nowStep + 1; s++) {
      if ((lastUsed == null || s > lastUsed)
          && java.security.MessageDigest.isEqual(
              code(key, s).getBytes(StandardCharsets.US_ASCII),
              c.getBytes(StandardCharsets.US_ASCII))) {
        return s;
      }
    }
    return -1;
  }

  /** RFC 4648 base32 without padding, as authenticator apps take keys. */
  public static String base32(byte[] bytes) {
    StringBuilder out = new StringBuilder();
    int buffer = 0;
    int bits = 0;
    for (byte b : bytes) {
      buffer = (buffer << 8) | (b & 0xff);
      bits += 8;
      while (bits >= 5) {
        out.append(BASE32.charAt((buffer >> (bits - 5)) & 31));
        bits -= 5;
      }
    }
    if (bits > 0) {
      out.append(BASE32.charAt((buffer << (5 - bits)) & 31));
    }
    return out.toString();
  }

  /** The {@code otpauth://} URI an authenticator app reads from the QR code. */
  public static String uri(String issuer, String account, byte[] key) {
    String label = enc(issuer) + ":" + enc(account);
    return "otpauth://totp/"
        + label
        + "?secret="
        + base32(key)
        + "&issuer="
        + enc(issuer)
        + "&algorithm=SHA1&digits="
        + DIGITS
        + "&period="
        + STEP_SECONDS;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
