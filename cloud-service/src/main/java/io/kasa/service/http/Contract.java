package io.kasa.service.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.BigIntegerNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import io.kasa.api.Problem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The API document as the service enforces it: every operation's request body and its query and
 * header parameters, compiled once from the document the service serves, and checked on every
 * request before anything else reads it (ADR 0020). Nothing the document forbids gets further, and
 * a rule the document does not state is not a rule of this check.
 */
final class Contract {

  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Contract.class);

  /** Most problems named in one answer: enough to fix a request, not a flood. */
  private static final int MAX_ERRORS = 50;

  private static final String CHECKED = "kasa.contract.parameters";
  private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]*)");

  private record Parameter(String in, String name, boolean required, Schema schema) {}

  private record Operation(Schema body, List<Parameter> parameters) {}

  private final Map<String, Operation> operations = new HashMap<>();
  private final Map<String, Schema> named = new HashMap<>();
  private final JsonNode components;
  private final ObjectMapper json;

  private Contract(JsonNode document, ObjectMapper json) {
    this.json = json;
    this.components = document.path("components").path("schemas");
    document
        .path("paths")
        .properties()
        .forEach(
            path ->
                path.getValue()
                    .properties()
                    .forEach(
                        op ->
                            operations.put(
                                op.getKey().toUpperCase(Locale.ROOT) + " " + path.getKey(),
                                operation(op.getValue(), path.getKey()))));
  }

  static Contract of(String document, ObjectMapper json) {
    try {
      return new Contract(json.readTree(document), json);
    } catch (IOException e) {
      throw new UncheckedIOException("The API document is not JSON", e);
    }
  }

  /** A component schema, compiled once however often it is referred to. */
  private Schema ref(String ref) {
    String prefix = "#/components/schemas/";
    String name = ref.startsWith(prefix) ? ref.substring(prefix.length()) : "";
    if (!components.has(name)) {
      throw new IllegalArgumentException("The API document refers to nothing at " + ref);
    }
    Schema known = named.get(name);
    if (known == null) {
      // Registered before compiling, so a schema that refers to itself finds itself.
      known = Schema.forward();
      named.put(name, known);
      known.become(Schema.compile(components.get(name), ref, this::ref));
    }
    return known;
  }

  private Operation operation(JsonNode op, String path) {
    List<Parameter> parameters = new ArrayList<>();
    for (JsonNode p : op.path("parameters")) {
      String in = p.path("in").asText();
      if ("query".equals(in) || "header".equals(in)) {
        parameters.add(
            new Parameter(
                in,
                p.path("name").asText(),
                p.path("required").asBoolean(false),
                Schema.compile(p.path("schema"), path + " " + p.path("name").asText(), this::ref)));
      }
    }
    JsonNode schema =
        op.path("requestBody").path("content").path("application/json").path("schema");
    return new Operation(
        schema.isMissingNode() ? null : Schema.compile(schema, path + " body", this::ref),
        parameters);
  }

  /** The operation a request matched, e.g. {@code POST /v1/sales}. */
  private static String key(Context ctx) {
    return ctx.method().name() + " " + ctx.endpoint().path;
  }

  /**
   * Checks the documented query and header parameters of an operation without a body; those of an
   * operation with one are checked with it, once its size is known to be acceptable.
   */
  void parameters(Context ctx) {
    Operation op = operations.get(key(ctx));
    if (op != null && op.body() == null) {
      parameters(ctx, op);
    }
  }

  /** A parameter that breaks the document is a 400 naming it. */
  private void parameters(Context ctx, Operation op) {
    if (ctx.attribute(CHECKED) != null) {
      return;
    }
    ctx.attribute(CHECKED, Boolean.TRUE);
    List<Schema.Violation> out = new ArrayList<>();
    for (Parameter p : op.parameters()) {
      List<String> values =
          "query".equals(p.in())
              ? ctx.queryParams(p.name())
              : Collections.list(ctx.req().getHeaders(p.name()));
      if (values.isEmpty()) {
        if (p.required()) {
          out.add(new Schema.Violation(p.name(), "is required", false));
        }
      } else if (values.size() > 1) {
        out.add(new Schema.Violation(p.name(), "is given more than once", true));
      } else {
        String value = values.get(0);
        JsonNode node =
            p.schema().numeric() && INTEGER.matcher(value).matches() && value.length() < 40
                ? BigIntegerNode.valueOf(new BigInteger(value))
                : TextNode.valueOf(value);
        p.schema().check(node, p.name(), out);
      }
    }
    if (!out.isEmpty()) {
      Schema.Violation first = out.get(0);
      throw new ApiException(
          400,
          "bad-request",
          "Bad request",
          "The "
              + (op.parameters().stream()
                      .anyMatch(p -> p.name().equals(first.pointer()) && "query".equals(p.in()))
                  ? "query parameter "
                  : "header ")
              + first.pointer()
              + " "
              + first.message(),
          errors(out));
    }
  }

  /**
   * The request's body as a {@code type}, after its parameters and the body itself were checked
   * against the document; the body is parsed once, into the tree that is checked and then read.
   */
  <T> T body(Context ctx, Class<T> type) {
    Operation op = operations.get(key(ctx));
    if (op == null || op.body() == null) {
      throw new IllegalStateException(key(ctx) + " reads a body the API document does not have");
    }
    // Read first: a body too large is a 413 whatever else is wrong.
    byte[] bytes = ctx.bodyAsBytes();
    parameters(ctx, op);
    return read(key(ctx), bytes, type);
  }

  /**
   * A body of {@code operation} (e.g. {@code POST /v1/sales}) checked and read as a {@code type}.
   */
  <T> T read(String operation, byte[] bytes, Class<T> type) {
    Operation op = operations.get(operation);
    if (op == null || op.body() == null) {
      throw new IllegalStateException(operation + " reads a body the API document does not have");
    }
    JsonNode tree;
    try {
      tree = json.readTree(bytes);
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (tree == null || tree.isMissingNode()) {
      throw ApiException.badRequest("The body is empty");
    }
    List<Schema.Violation> out = new ArrayList<>();
    op.body().check(tree, Place.body(), out, true);
    if (!out.isEmpty()) {
      throw refusal(out);
    }
    try {
      return json.treeToValue(tree, type);
    } catch (JsonMappingException e) {
      // The document allows what the record cannot hold: the document needs the rule.
      LOG.warn(
          "{}: a body the API document allows does not read as {}: {}",
          operation,
          type.getSimpleName(),
          e.getOriginalMessage());
      throw ApiException.badRequest("The body does not read: " + e.getOriginalMessage());
    } catch (JsonProcessingException e) {
      throw ApiException.badRequest("The body is not valid JSON: " + e.getOriginalMessage());
    }
  }

  private static ApiException refusal(List<Schema.Violation> out) {
    Schema.Violation first =
        out.stream().filter(Schema.Violation::malformed).findFirst().orElse(out.get(0));
    String where = first.pointer().isEmpty() ? "the body" : first.pointer();
    String more = out.size() > 1 ? " (and " + (out.size() - 1) + " more)" : "";
    return first.malformed()
        ? new ApiException(
            400,
            "malformed",
            "Malformed request",
            "The body does not match the expected shape at "
                + where
                + ": "
                + first.message()
                + more,
            errors(out))
        : new ApiException(
            422,
            "contract",
            "The request does not follow the API document",
            where + " " + first.message() + more,
            errors(out));
  }

  private static List<Problem.FieldError> errors(List<Schema.Violation> out) {
    return out.stream()
        .limit(MAX_ERRORS)
        .map(v -> new Problem.FieldError(v.pointer(), v.message()))
        .collect(Collectors.toList());
  }
}
