package io.kasa.client.http;

import io.kasa.api.Headers;
import java.io.IOException;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Adds the terminal credential and, once an employee is signed in, the session token — unless the
 * request vouches for an employee ({@link Headers#EMPLOYEE}) instead. With the credential go what
 * the terminal reports of itself for the back office (ADR 0045): {@link Headers#UNSENT} and {@link
 * Headers#VERSION}.
 */
final class AuthInterceptor implements Interceptor {

  private final Credentials credentials;

  AuthInterceptor(Credentials credentials) {
    this.credentials = credentials;
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    Request.Builder request = chain.request().newBuilder();
    String terminal = credentials.terminal();
    if (terminal != null && chain.request().header(Headers.AUTHORIZATION) == null) {
      request.header(Headers.AUTHORIZATION, "Bearer " + terminal);
    }
    if (terminal != null) {
      java.util.function.LongSupplier unsent = credentials.unsent();
      if (unsent != null) {
        request.header(Headers.UNSENT, Long.toString(unsent.getAsLong()));
      }
      if (credentials.version() != null) {
        request.header(Headers.VERSION, credentials.version());
      }
    }
    String session = credentials.session();
    if (session != null
        && chain.request().header(Headers.SESSION) == null
        && chain.request().header(Headers.EMPLOYEE) == null) {
      request.header(Headers.SESSION, session);
    }
    return chain.proceed(request.build());
  }
}
