package io.kasa.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.kasa.api.Problem;
import io.kasa.service.db.UncheckedSqlException;
import java.sql.SQLException;
import org.jdbi.v3.core.JdbiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The one mapping from failures to RFC 9457 problem bodies. */
public final class Problems {

  private static final Logger LOG = LoggerFactory.getLogger(Problems.class);

  private Problems() {}

  public static void install(JavalinConfig config, ObjectMapper json) {
    config.routes.exception(ApiException.class, (e, ctx) -> write(ctx, json, e.problem()));
    config.routes.exception(
        HttpResponseException.class,
        (e, ctx) ->
            write(
                ctx,
                json,
                new Problem(
                    "https://kasa.io/problems/http-" + e.getStatus(),
                    e.getMessage(),
                    e.getStatus(),
                    e.getMessage(),
                    null)));
    // A unique key taken (by jdbi or plain JDBC, ADR 0014): an identifier the client reused.
    config.routes.exception(JdbiException.class, (e, ctx) -> database(e, ctx, json));
    config.routes.exception(UncheckedSqlException.class, (e, ctx) -> database(e, ctx, json));
    config.routes.exception(Exception.class, (e, ctx) -> unexpected(e, ctx, json));
    for (int status : new int[] {404, 405}) {
      config.routes.error(
          status,
          ctx -> {
            String answered = ctx.res().getContentType();
            // A problem already written, or a back-office page saying "not found" in HTML.
            if (!Problem.MEDIA_TYPE.equals(answered)
                && (answered == null || !answered.startsWith("text/html"))) {
              String title = status == 404 ? "Not found" : "Method not allowed";
              write(
                  ctx,
                  json,
                  new Problem(
                      "https://kasa.io/problems/http-" + status,
                      title,
                      status,
                      title + ": " + ctx.method() + " " + ctx.path(),
                      null));
            }
          });
    }
  }

  private static void database(RuntimeException e, Context ctx, ObjectMapper json) {
    if ("23505".equals(sqlState(e))) {
      write(ctx, json, ApiException.conflict("That identifier is already used").problem());
    } else if (unavailable(e)) {
      // PostgreSQL restarting or out of reach: the client's retry with the same key is safe, and
      // this is no fault of the service's code, so one line without a stack trace.
      LOG.warn("Database unavailable on {} {}: {}", ctx.method(), ctx.path(), e.getMessage());
      ctx.header("Retry-After", "1");
      write(
          ctx,
          json,
          new Problem(
              "https://kasa.io/problems/unavailable",
              "Service unavailable",
              503,
              "The database is unavailable for a moment; send the same request again",
              null));
    } else {
      unexpected(e, ctx, json);
    }
  }

  /**
   * Whether PostgreSQL could not be reached or ended the connection: no connection in time, a
   * connection failure (SQLSTATE class 08), a shutdown or crash recovery (57P01–57P03), too many
   * connections (53300).
   */
  private static boolean unavailable(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.sql.SQLTransientConnectionException) {
        return true;
      }
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        String state = sql.getSQLState();
        return state.startsWith("08") || state.startsWith("57P") || state.equals("53300");
      }
    }
    return false;
  }

  private static void unexpected(Exception e, Context ctx, ObjectMapper json) {
    if (clientGone(e)) {
      // The client hung up mid-request: nothing of the service failed, and one line per reset at
      // ERROR with a stack trace would bury real failures. The access log has the request.
      LOG.debug(
          "The client closed the connection during {} {}: {}",
          ctx.method(),
          ctx.path(),
          String.valueOf(e));
      write(
          ctx,
          json,
          ApiException.badRequest("The connection closed before the request was complete")
              .problem());
      return;
    }
    LOG.error("Unexpected failure on {} {}", ctx.method(), ctx.path(), e);
    write(
        ctx,
        json,
        new Problem(
            "https://kasa.io/problems/internal",
            "Internal error",
            500,
            "The service failed; nothing was recorded",
            null));
  }

  public static void write(Context ctx, ObjectMapper json, Problem problem) {
    consumeBody(ctx);
    try {
      ctx.status(problem.status())
          .contentType(Problem.MEDIA_TYPE)
          // Bytes, so the details (often Ukrainian names) go out as UTF-8 whatever Jetty assumes.
          .result(json.writeValueAsBytes(problem));
    } catch (JsonProcessingException e) {
      ctx.status(500)
          .contentType(Problem.MEDIA_TYPE)
          .result("{\"title\":\"Internal error\",\"status\":500}");
    }
  }

  /**
   * Reads what is left of the request body: a refusal that leaves it unread makes Jetty close the
   * connection under a client that may be reusing it for its next request.
   */
  private static void consumeBody(Context ctx) {
    if (ctx.req().getContentLengthLong() == 0 || "GET".equals(ctx.method().name())) {
      return;
    }
    try {
      ctx.bodyAsBytes();
    } catch (Exception tooLargeOrGone) {
      // An oversized or broken body is what is being refused; nothing more to read.
    }
  }

  /**
   * Whether {@code e} says the client went away (its connection ended early, was reset or closed)
   * rather than that the service failed.
   */
  static boolean clientGone(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof org.eclipse.jetty.io.EofException
          || t instanceof java.nio.channels.ClosedChannelException) {
        return true;
      }
      String message = t.getMessage();
      if (t instanceof java.io.IOException
          && message != null
          && (message.contains("Connection reset") || message.contains("Broken pipe"))) {
        return true;
      }
    }
    return false;
  }

  private static String sqlState(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql) {
        return sql.getSQLState();
      }
    }
    return null;
  }
}
