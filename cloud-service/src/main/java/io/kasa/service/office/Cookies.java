package io.kasa.service.office;

import io.javalin.http.Context;

/**
 * The back office's cookies, always {@code Secure; HttpOnly; SameSite=Strict} on path {@code /}:
 * never read by scripts, never sent by another site's request (browsers accept Secure cookies from
 * {@code http://localhost} for development and the demo).
 */
final class Cookies {

  /** The signed-in session's secret (stored on the service only as its hash). */
  static final String SESSION = "kasa_office";

  /** A signed-out visitor's random secret, from which its forms' CSRF token is derived. */
  static final String VISITOR = "kasa_visitor";

  /** The language chosen with the switch while signed out. */
  static final String LANGUAGE = "kasa_lang";

  private Cookies() {}

  /** Sets {@code name} for {@code maxAgeSeconds}, or for the browser's session when negative. */
  static void set(Context ctx, String name, String value, long maxAgeSeconds) {
    StringBuilder c = new StringBuilder(name).append('=').append(value).append("; Path=/");
    if (maxAgeSeconds >= 0) {
      c.append("; Max-Age=").append(maxAgeSeconds);
    }
    c.append("; Secure; HttpOnly; SameSite=Strict");
    ctx.res().addHeader("Set-Cookie", c.toString());
  }

  static void clear(Context ctx, String name) {
    set(ctx, name, "", 0);
  }

  /** The cookie's value, or null when absent or not a plain token. */
  static String get(Context ctx, String name) {
    String v = ctx.cookie(name);
    return v == null || v.isEmpty() || !v.matches("[A-Za-z0-9_-]{1,128}") ? null : v;
  }
}
