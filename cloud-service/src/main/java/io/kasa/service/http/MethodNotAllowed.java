package io.kasa.service.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.router.EndpointNotFound;
import io.kasa.api.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A method a path does not have is 405 with an {@code Allow} header naming those it has (RFC 9110),
 * not 404: the path exists. HEAD is not one of them unless the document says so (Javalin would
 * otherwise answer HEAD on every GET route with an empty 200 without running it).
 */
final class MethodNotAllowed {

  private final Map<Pattern, Set<String>> paths = new LinkedHashMap<>();

  private MethodNotAllowed(List<Route> routes) {
    Map<String, Set<String>> byPath = new LinkedHashMap<>();
    for (Route r : routes) {
      byPath.computeIfAbsent(r.path(), p -> new TreeSet<>()).add(r.method().name());
    }
    byPath.forEach((path, methods) -> paths.put(template(path), methods));
  }

  /** Registers the refusals for {@code routes}, which are all the application has. */
  static void install(JavalinConfig config, ObjectMapper json, List<Route> routes) {
    MethodNotAllowed m = new MethodNotAllowed(routes);
    Set<String> headless = new TreeSet<>();
    routes.forEach(r -> headless.add(r.path()));
    routes.stream()
        .filter(r -> r.method() == HandlerType.HEAD)
        .forEach(r -> headless.remove(r.path()));
    for (String path : headless) {
      config.routes.addHttpHandler(HandlerType.HEAD, path, ctx -> m.refuse(ctx, json));
    }
    config.routes.exception(EndpointNotFound.class, (e, ctx) -> m.refuse(ctx, json));
  }

  private void refuse(Context ctx, ObjectMapper json) {
    Set<String> allowed = allowed(ctx.path());
    if (allowed.isEmpty()) {
      Problems.write(
          ctx,
          json,
          new Problem(
              "https://kasa.io/problems/http-404",
              "Not found",
              404,
              "Not found: " + ctx.method() + " " + ctx.path(),
              null));
      return;
    }
    String allow = String.join(", ", allowed);
    ctx.header("Allow", allow);
    Problems.write(
        ctx,
        json,
        new Problem(
            "https://kasa.io/problems/method-not-allowed",
            "Method not allowed",
            405,
            ctx.path() + " takes " + allow + ", not " + ctx.method(),
            null));
  }

  /** The methods of the routes whose template matches {@code path}, sorted. */
  private Set<String> allowed(String path) {
    Set<String> methods = new TreeSet<>();
    paths.forEach(
        (template, m) -> {
          if (template.matcher(path).matches()) {
            methods.addAll(m);
          }
        });
    return methods;
  }

  /**
   * A route's path as Javalin matches it: a {name} is part of one segment (all of it, or beside
   * fixed text as in {@code /r/{token}.pdf}), a trailing slash is ignored.
   */
  private static Pattern template(String path) {
    List<String> parts = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      StringBuilder part = new StringBuilder();
      java.util.regex.Matcher name = PARAMETER.matcher(segment);
      int from = 0;
      while (name.find()) {
        part.append(Pattern.quote(segment.substring(from, name.start()))).append("[^/]+");
        from = name.end();
      }
      parts.add(part.append(Pattern.quote(segment.substring(from))).toString());
    }
    return Pattern.compile(String.join("/", parts) + "/?");
  }

  private static final Pattern PARAMETER = Pattern.compile("\\{[^/}]+}");
}
