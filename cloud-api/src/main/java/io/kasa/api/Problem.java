package io.kasa.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * An RFC 9457 problem details body ({@code application/problem+json}), the only shape an error
 * takes on this API.
 *
 * @param type a URI naming the kind of problem, e.g. {@code https://kasa.io/problems/validation}
 * @param title a short summary of the kind of problem
 * @param status the HTTP status code
 * @param detail what went wrong this time, in plain words
 * @param errors the individual problems of a request, each naming where it is, or null
 * @param arguments the facts {@code detail} is made of, by name (e.g. {@code table}, {@code
 *     state}), so a client can say it in its own language from {@code type}; or null
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
    String type,
    String title,
    int status,
    String detail,
    List<FieldError> errors,
    Map<String, String> arguments) {

  public static final String MEDIA_TYPE = "application/problem+json";

  /** A problem whose detail carries no arguments a client would put in its own words. */
  public Problem(String type, String title, int status, String detail, List<FieldError> errors) {
    this(type, title, status, detail, errors, null);
  }

  /**
   * One problem of a request.
   *
   * @param pointer where it is: a JSON pointer into the request body, e.g. {@code
   *     /lines/2/quantity}, or the name of a query parameter or header, e.g. {@code limit}
   * @param message what is wrong with it
   */
  public record FieldError(String pointer, String message) {}
}
