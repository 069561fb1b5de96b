package io.kasa.service.http;

import io.kasa.api.Problem;
import java.util.List;
import java.util.Map;

/** A request the service refuses; becomes a problem+json body with its status. */
public final class ApiException extends RuntimeException {

  private final int status;
  private final String type;
  private final String title;
  private final List<Problem.FieldError> errors;
  private final Map<String, String> arguments;

  public ApiException(
      int status, String type, String title, String detail, List<Problem.FieldError> errors) {
    this(status, type, title, detail, errors, null);
  }

  private ApiException(
      int status,
      String type,
      String title,
      String detail,
      List<Problem.FieldError> errors,
      Map<String, String> arguments) {
    super(detail);
    this.status = status;
    this.type = type;
    this.title = title;
    this.errors = errors;
    this.arguments = arguments;
  }

  /**
   * A conflict a register shows to its cashier: its own {@code type} and the {@code arguments} the
   * detail is made of, so the register says it in its language (the detail stays English, for logs
   * and other clients).
   */
  public static ApiException conflict(String type, Map<String, String> arguments, String detail) {
    return new ApiException(409, type, "Conflict", detail, null, Map.copyOf(arguments));
  }

  /**
   * A request refused for what it asks (422), with its own {@code type} and the {@code arguments}
   * the detail is made of, so a register says why in its language.
   */
  public static ApiException refused(
      String type, Map<String, String> arguments, String pointer, String detail) {
    return new ApiException(
        422,
        type,
        "The request is not valid",
        detail,
        List.of(new Problem.FieldError(pointer, detail)),
        Map.copyOf(arguments));
  }

  public static ApiException badRequest(String detail) {
    return new ApiException(400, "bad-request", "Bad request", detail, null);
  }

  public static ApiException invalid(String pointer, String message) {
    return new ApiException(
        422,
        "validation",
        "The request is not valid",
        message,
        List.of(new Problem.FieldError(pointer, message)));
  }

  public static ApiException unauthorized(String detail) {
    return new ApiException(401, "unauthorized", "Authentication required", detail, null);
  }

  public static ApiException forbidden(String detail) {
    return new ApiException(403, "forbidden", "Not allowed", detail, null);
  }

  public static ApiException notFound(String detail) {
    return new ApiException(404, "not-found", "Not found", detail, null);
  }

  public static ApiException conflict(String detail) {
    return new ApiException(409, "conflict", "Conflict", detail, null);
  }

  public static ApiException locked(String detail) {
    return new ApiException(423, "locked", "Locked", detail, null);
  }

  public Problem problem() {
    return new Problem(
        "https://kasa.io/problems/" + type, title, status, getMessage(), errors, arguments);
  }

  public int status() {
    return status;
  }
}
