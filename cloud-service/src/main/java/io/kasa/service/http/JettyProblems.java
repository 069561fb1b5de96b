package io.kasa.service.http;

import io.kasa.api.Problem;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Jetty's own refusals (a request line or URI it cannot parse, before the application sees it) as
 * RFC 9457 problem bodies instead of Jetty's HTML error page.
 */
final class JettyProblems extends ErrorHandler {

  private static final HttpField CONTENT_TYPE =
      new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);

  @Override
  protected void generateResponse(
      Request request,
      Response response,
      int code,
      String message,
      Throwable cause,
      Callback callback) {
    response.getHeaders().put(CONTENT_TYPE);
    response.write(true, ByteBuffer.wrap(body(code, message)), callback);
  }

  /** A problem body; Jetty's reason is a fixed phrase of its own, never request data. */
  static byte[] body(int status, String reason) {
    String title = HttpStatus.getMessage(status);
    String detail = reason == null || reason.isBlank() ? title : reason;
    return ("{\"type\":\"https://kasa.io/problems/http-"
            + status
            + "\",\"title\":\""
            + escape(title)
            + "\",\"status\":"
            + status
            + ",\"detail\":\""
            + escape(detail)
            + "\"}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static String escape(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
