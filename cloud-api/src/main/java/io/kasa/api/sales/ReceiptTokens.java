package io.kasa.api.sales;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Pattern;

/**
 * The token of a receipt's public page ({@code /r/{token}}, ADR 0041): 16 bytes (128 bits) from
 * {@link SecureRandom}, base64url without padding (22 characters). It is never derived from the
 * receipt number or anything else about the sale, so knowing one receipt tells nothing of another.
 */
public final class ReceiptTokens {

  /** Random bytes in a token made here. */
  public static final int BYTES = 16;

  /**
   * The form the service accepts: base64url, 22 to 64 characters (128 to 384 bits), so a later till
   * may make longer tokens without the service changing.
   */
  public static final Pattern FORM = Pattern.compile("[A-Za-z0-9_-]{22,64}");

  private static final SecureRandom RANDOM = new SecureRandom();

  private ReceiptTokens() {}

  /** A new token. */
  public static String next() {
    byte[] bytes = new byte[BYTES];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Whether {@code text} has a token's form (says nothing of whether a receipt has it). */
  public static boolean wellFormed(String text) {
    return text != null && FORM.matcher(text).matches();
  }
}
