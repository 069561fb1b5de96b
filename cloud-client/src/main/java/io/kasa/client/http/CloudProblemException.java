package io.kasa.client.http;

import io.kasa.api.Problem;

/** The service answered with an error: its RFC 9457 problem, with status, type and field errors. */
public final class CloudProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Problem problem;

  public CloudProblemException(Problem problem) {
    super(problem.status() + " " + problem.title() + ": " + problem.detail());
    this.problem = problem;
  }

  public Problem problem() {
    return problem;
  }

  public int status() {
    return problem.status();
  }

  /** The problem type's last segment, e.g. {@code card-declined} or {@code validation}. */
  public String kind() {
    String type = problem.type() == null ? "" : problem.type();
    return type.substring(type.lastIndexOf('/') + 1);
  }
}
