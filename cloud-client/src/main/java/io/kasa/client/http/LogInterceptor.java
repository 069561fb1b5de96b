package io.kasa.client.http;

import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One line per try: method, path, status or failure, milliseconds. Never headers, query strings or
 * bodies: they carry the terminal credential, session tokens, PINs and receipt numbers.
 */
final class LogInterceptor implements Interceptor {

  private static final Logger LOG = LoggerFactory.getLogger("io.kasa.client.http");

  @Override
  public Response intercept(Chain chain) throws IOException {
    String method = chain.request().method();
    String path = chain.request().url().encodedPath();
    long start = System.nanoTime();
    try {
      Response response = chain.proceed(chain.request());
      LOG.atDebug()
          .addKeyValue("method", method)
          .addKeyValue("path", path)
          .addKeyValue("status", response.code())
          .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
          .log("cloud call");
      return response;
    } catch (IOException e) {
      LOG.atInfo()
          .addKeyValue("method", method)
          .addKeyValue("path", path)
          .addKeyValue("failure", e.getClass().getSimpleName())
          .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000)
          .log("cloud call failed");
      throw e;
    }
  }
}
