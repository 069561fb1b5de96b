package io.kasa.service.office;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every file a page loads, read once from the jar: our own CSS and JS and the pinned libraries'
 * webjars. Each is served under a path holding a digest of its bytes, {@code
 * /assets/{digest}/{name}}, cached for a year: a new build with a changed file gets a new path.
 */
public final class Assets {

  /** Where pages find the assets. */
  public static final String PREFIX = "/assets/";

  private static final String OURS = "/io/kasa/service/office/assets/";
  private static final String WEBJARS = "/META-INF/resources/webjars/";

  /** The version of each library, as pinned in the parent pom (read from its webjar). */
  private static final Map<String, String> FILES =
      Map.of(
          "kasa.css", OURS + "kasa.css",
          "kasa.js", OURS + "kasa.js",
          "kasa-icon.svg", OURS + "kasa-icon.svg",
          "kitchen.js", OURS + "kitchen.js",
          "htmx.min.js", WEBJARS + "htmx.org/" + webjarVersion("htmx.org") + "/dist/htmx.min.js",
          "uPlot.iife.min.js",
              WEBJARS + "uplot/" + webjarVersion("uplot") + "/dist/uPlot.iife.min.js",
          "uPlot.min.css", WEBJARS + "uplot/" + webjarVersion("uplot") + "/dist/uPlot.min.css");

  private record Asset(String digest, String contentType, byte[] bytes) {}

  private final Map<String, Asset> assets = new LinkedHashMap<>();

  public Assets() {
    FILES.forEach(
        (name, resource) -> {
          byte[] bytes = read(resource);
          assets.put(name, new Asset(digest(bytes), contentType(name), bytes));
        });
  }

  /** The path a page links to for the asset {@code name}. */
  public String url(String name) {
    Asset a = assets.get(name);
    if (a == null) {
      throw new IllegalArgumentException("No asset " + name);
    }
    return PREFIX + a.digest() + "/" + name;
  }

  /** Answers {@code GET /assets/{digest}/{name}}; an old or unknown digest is not found. */
  void serve(Context ctx) {
    Asset a = assets.get(ctx.pathParam("name"));
    if (a == null || !a.digest().equals(ctx.pathParam("digest"))) {
      ctx.status(404).contentType("text/plain; charset=utf-8").result("Not found");
      return;
    }
    ctx.header("Cache-Control", "public, max-age=31536000, immutable");
    ctx.contentType(a.contentType()).result(a.bytes());
  }

  private static String webjarVersion(String artifact) {
    String pom = "/META-INF/maven/org.webjars.npm/" + artifact + "/pom.properties";
    java.util.Properties p = new java.util.Properties();
    try (InputStream in = Assets.class.getResourceAsStream(pom)) {
      if (in == null) {
        throw new IllegalStateException("Missing the webjar " + artifact);
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("version");
  }

  private static byte[] read(String resource) {
    try (InputStream in = Assets.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("Missing asset " + resource);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String digest(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      return HexFormat.of().formatHex(d, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  private static String contentType(String name) {
    if (name.endsWith(".css")) {
      return "text/css; charset=utf-8";
    }
    if (name.endsWith(".js")) {
      return "text/javascript; charset=utf-8";
    }
    if (name.endsWith(".svg")) {
      return "image/svg+xml";
    }
    throw new IllegalArgumentException("Unknown asset type: " + name);
  }
}
