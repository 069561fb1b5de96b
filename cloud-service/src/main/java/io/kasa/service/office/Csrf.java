package io.kasa.service.office;

import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Cross-site request forgery protection for every state-changing request (POST): a synchronizer
 * token derived from the caller's own secret cookie (the session's, or a signed-out visitor's), as
 * {@code SHA-256("kasa-csrf" || secret)}. Forms send it as {@code _csrf}; htmx sends it as the
 * {@code X-CSRF-Token} header (kasa.js reads it from the page's meta tag). Another site can neither
 * read the HttpOnly cookie nor the page, so it cannot know the token; SameSite=Strict is a second
 * wall, not the only one.
 */
public final class Csrf {

  /** The form field carrying the token. */
  public static final String FIELD = "_csrf";

  /** The header carrying the token on htmx requests. */
  public static final String HEADER = "X-CSRF-Token";

  private static final SecureRandom RANDOM = new SecureRandom();

  private Csrf() {}

  /** The token for a secret. */
  static String token(String secret) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update("kasa-csrf\0".getBytes(StandardCharsets.US_ASCII));
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(d.digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  /**
   * The secret this caller's token derives from: its session cookie, else its visitor cookie,
   * created (and set on the response) when it has neither.
   */
  static String secret(Context ctx) {
    String session = Cookies.get(ctx, Cookies.SESSION);
    if (session != null) {
      return session;
    }
    String visitor = Cookies.get(ctx, Cookies.VISITOR);
    if (visitor == null) {
      visitor = ctx.attribute(Cookies.VISITOR);
    }
    if (visitor == null) {
      byte[] bytes = new byte[32];
      RANDOM.nextBytes(bytes);
      visitor = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
      ctx.attribute(Cookies.VISITOR, visitor);
      Cookies.set(ctx, Cookies.VISITOR, visitor, -1);
    }
    return visitor;
  }

  /** Whether the request carries the right token for its cookie. */
  static boolean valid(Context ctx) {
    String session = Cookies.get(ctx, Cookies.SESSION);
    String secret = session != null ? session : Cookies.get(ctx, Cookies.VISITOR);
    if (secret == null) {
      return false;
    }
    String sent = ctx.header(HEADER);
    if (sent == null) {
      sent = ctx.formParam(FIELD);
    }
    return sent != null
        && MessageDigest.isEqual(
            token(secret).getBytes(StandardCharsets.US_ASCII),
            sent.getBytes(StandardCharsets.US_ASCII));
  }
}
