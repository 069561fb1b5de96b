package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;

/**
 * The cases {@link ContractEdgesTest} sends, made from the API document alone: for each place of a
 * request schema, values just outside and just inside each of its rules, and a valid request of
 * each schema (required fields only, the document's examples and bounds, first enum values).
 */
final class EdgeCases {

  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  /**
   * What the service must answer: 400 malformed, 422 contract (400 for a parameter), or take it.
   */
  enum Expect {
    MALFORMED,
    INVALID,
    ACCEPTED
  }

  /**
   * A request body with one place changed.
   *
   * @param what the change, for the failure message
   * @param pointer the place
   * @param body the whole body
   * @param expect the answer the document calls for (before the reference validator's word)
   */
  record Case(String what, String pointer, JsonNode body, Expect expect) {}

  private final JsonNode doc;

  EdgeCases(JsonNode doc) {
    this.doc = doc;
  }

  void walk(JsonNode raw, String pointer, JsonNode root, List<Case> out) {
    boolean nullable = nullable(raw);
    JsonNode s = nonNull(raw);
    for (JsonNode wrong : wrongTypes(s, nullable)) {
      Expect e = s.has("enum") && wrong.isTextual() ? Expect.INVALID : Expect.MALFORMED;
      out.add(new Case("type " + wrong, pointer, with(root, pointer, wrong), e));
    }
    if (s.has("enum")) {
      out.add(
          new Case(
              "enum", pointer, with(root, pointer, N.textNode("NOT_ONE_OF_THEM")), Expect.INVALID));
    }
    String type = type(s);
    switch (type) {
      case "string" -> strings(s, pointer, root, out);
      case "integer" -> integers(s, pointer, root, out);
      case "object" -> objects(s, pointer, root, out);
      case "array" -> arrays(s, pointer, root, out);
      default -> {}
    }
  }

  private void strings(JsonNode s, String pointer, JsonNode root, List<Case> out) {
    String example = text(minimal(s));
    List<String> candidates = new ArrayList<>();
    if (s.has("minLength") && s.get("minLength").asInt() > 0) {
      candidates.add("x".repeat(s.get("minLength").asInt() - 1));
      candidates.add(
          example.repeat(Math.max(1, s.get("minLength").asInt() / Math.max(1, example.length()))));
    }
    if (s.has("maxLength")) {
      int max = s.get("maxLength").asInt();
      candidates.add("x".repeat(max + 1));
      candidates.add("x".repeat(max));
      // Code points, not Java chars: an emoji counts once.
      candidates.add("\uD83C\uDF7D".repeat(max));
      candidates.add("\uD83C\uDF7D".repeat(max + 1));
    }
    if (s.has("pattern")) {
      candidates.addAll(
          List.of(
              " " + example,
              example + " ",
              "+" + example,
              "1E0",
              "-1",
              "",
              "   ",
              "\u00a0",
              "x\u0007y",
              "\u0085" + example,
              example + "x",
              "x" + example,
              fullWidth(example)));
    }
    if ("uuid".equals(s.path("format").asText())) {
      candidates.addAll(
          List.of(
              "not-a-uuid",
              "AAAAAAAAAAAAAAAAAAAAAA==",
              UUID.randomUUID().toString().toUpperCase(Locale.ROOT),
              UUID.randomUUID().toString().replace("-", "")));
    }
    if ("date-time".equals(s.path("format").asText())) {
      candidates.addAll(
          List.of(
              "2026-11-27 10:00:00Z",
              "2026-11-27T10:00:00",
              "2026-02-30T10:00:00Z",
              "2026-11-27T24:00:00Z",
              "1700000000",
              "2026-11-27t10:00:00z",
              "2026-11-27T12:00:00+02:00",
              "2026-11-27T10:00:00.123456789123Z",
              "2026-11-27T10:00:00.5-03:30"));
    }
    for (String c : candidates) {
      out.add(
          new Case(
              "string \"" + abbreviate(c) + "\"",
              pointer,
              with(root, pointer, N.textNode(c)),
              Expect.INVALID));
    }
  }

  private void integers(JsonNode s, String pointer, JsonNode root, List<Case> out) {
    if (s.has("minimum")) {
      BigDecimal min = s.get("minimum").decimalValue();
      out.add(
          new Case(
              "below minimum",
              pointer,
              with(root, pointer, N.numberNode(min.subtract(BigDecimal.ONE).toBigInteger())),
              Expect.INVALID));
      out.add(
          new Case(
              "at minimum",
              pointer,
              with(root, pointer, N.numberNode(min.toBigInteger())),
              Expect.ACCEPTED));
      out.add(
          new Case(
              "minimum written with a fraction",
              pointer,
              with(root, pointer, N.numberNode(new BigDecimal(min.toBigInteger()).setScale(1))),
              Expect.ACCEPTED));
    }
    if (s.has("maximum")) {
      BigDecimal max = s.get("maximum").decimalValue();
      out.add(
          new Case(
              "above maximum",
              pointer,
              with(root, pointer, N.numberNode(max.add(BigDecimal.ONE).toBigInteger())),
              Expect.INVALID));
      out.add(
          new Case(
              "at maximum",
              pointer,
              with(root, pointer, N.numberNode(max.toBigInteger())),
              Expect.ACCEPTED));
    }
    String format = s.path("format").asText();
    BigInteger limit =
        "int32".equals(format)
            ? BigInteger.valueOf(Integer.MAX_VALUE)
            : BigInteger.valueOf(Long.MAX_VALUE);
    // Beyond the format is malformed whatever the bounds; without a format, beyond a long is too.
    out.add(
        new Case(
            "beyond " + (format.isEmpty() ? "int64" : format),
            pointer,
            with(root, pointer, N.numberNode(limit.add(BigInteger.ONE))),
            Expect.MALFORMED));
    out.add(
        new Case(
            "below " + (format.isEmpty() ? "int64" : format),
            pointer,
            with(root, pointer, N.numberNode(limit.negate().subtract(BigInteger.TWO))),
            Expect.MALFORMED));
    out.add(
        new Case(
            "2e0",
            pointer,
            with(root, pointer, N.numberNode(new BigDecimal("2e0"))),
            Expect.ACCEPTED));
  }

  private void objects(JsonNode s, String pointer, JsonNode root, List<Case> out) {
    ObjectNode here = (ObjectNode) root.at(pointer.isEmpty() ? "" : pointer);
    for (JsonNode r : s.path("required")) {
      JsonNode copy = root.deepCopy();
      ((ObjectNode) copy.at(pointer.isEmpty() ? "" : pointer)).remove(r.asText());
      out.add(new Case("without " + r.asText(), pointer + "/" + r.asText(), copy, Expect.INVALID));
    }
    if (s.path("additionalProperties").isBoolean() && !s.get("additionalProperties").asBoolean()) {
      out.add(
          new Case(
              "unknown field",
              pointer + "/unexpected",
              with(root, pointer + "/unexpected", N.numberNode(1)),
              Expect.MALFORMED));
    }
    JsonNode values = s.path("additionalProperties");
    if (values.isObject()) {
      JsonNode names = s.path("propertyNames");
      JsonNode value = minimal(values);
      if (s.has("maxProperties")) {
        ObjectNode many = N.objectNode();
        for (int i = 0; i <= s.get("maxProperties").asInt(); i++) {
          many.set("k" + i, value);
        }
        out.add(new Case("too many entries", pointer, with(root, pointer, many), Expect.INVALID));
      }
      if (names.isObject()) {
        for (String bad : List.of("Bad Name", "", "x".repeat(65), "ключ")) {
          out.add(
              new Case(
                  "entry name \"" + abbreviate(bad) + "\"",
                  pointer + "/" + bad.replace("~", "~0").replace("/", "~1"),
                  with(root, pointer + "/" + bad, value),
                  Expect.INVALID));
        }
      }
      String name = names.isObject() ? text(minimal(names)) : "k";
      walk(values, pointer + "/" + name, with(root, pointer + "/" + name, value), out);
    }
    for (Map.Entry<String, JsonNode> p : s.path("properties").properties()) {
      String at = pointer + "/" + p.getKey();
      JsonNode current = here.get(p.getKey());
      JsonNode next =
          current == null || current.isNull() ? with(root, at, minimal(p.getValue())) : root;
      walk(p.getValue(), at, next, out);
    }
  }

  private void arrays(JsonNode s, String pointer, JsonNode root, List<Case> out) {
    JsonNode item = minimal(s.get("items"));
    if (s.has("minItems") && s.get("minItems").asInt() > 0) {
      out.add(
          new Case(
              "too few entries",
              pointer,
              with(root, pointer, repeat(item, s.get("minItems").asInt() - 1)),
              Expect.INVALID));
    }
    if (s.has("maxItems")) {
      out.add(
          new Case(
              "too many entries",
              pointer,
              with(root, pointer, repeat(item, s.get("maxItems").asInt() + 1)),
              Expect.INVALID));
    }
    JsonNode here = root.at(pointer);
    JsonNode next = here.isArray() && !here.isEmpty() ? root : with(root, pointer, repeat(item, 1));
    walk(s.get("items"), pointer + "/0", next, out);
  }

  List<String> parameterCandidates(JsonNode raw, String in) {
    JsonNode s = nonNull(raw);
    List<String> c = new ArrayList<>();
    if ("integer".equals(type(s))) {
      c.addAll(List.of("abc", "+5", "1.5", "0x10", "5e0", "99999999999999999999"));
      if ("query".equals(in)) {
        c.addAll(List.of(" 5", "5 "));
      }
      if (s.has("minimum")) {
        BigInteger min = s.get("minimum").bigIntegerValue();
        c.add(min.subtract(BigInteger.ONE).toString());
        c.add(min.toString());
      }
      if (s.has("maximum")) {
        BigInteger max = s.get("maximum").bigIntegerValue();
        c.add(max.add(BigInteger.ONE).toString());
        c.add(max.toString());
      }
    } else {
      String example = text(minimal(s));
      c.addAll(List.of(example, "' OR 1=1 --", "x", example + "x", "+" + example));
      if ("query".equals(in)) {
        // Header values are ASCII and trimmed by HTTP itself.
        c.addAll(List.of(" " + example, "", "-1", "ＡＢＣ", fullWidth(example)));
      }
      if ("uuid".equals(s.path("format").asText())) {
        c.add(UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
      }
    }
    return c;
  }

  /** A valid value of a schema: required fields only, examples, bounds, first enum values. */
  JsonNode minimal(JsonNode raw) {
    JsonNode s = nonNull(raw);
    if (s.has("examples")) {
      return s.get("examples").get(0);
    }
    if (s.has("enum")) {
      return s.get("enum").get(0);
    }
    return switch (type(s)) {
      case "object" -> {
        ObjectNode o = N.objectNode();
        for (JsonNode r : s.path("required")) {
          o.set(r.asText(), minimal(s.get("properties").get(r.asText())));
        }
        yield o;
      }
      case "array" -> repeat(minimal(s.get("items")), s.path("minItems").asInt(0));
      case "integer" ->
          N.numberNode(s.has("minimum") ? s.get("minimum").bigIntegerValue() : BigInteger.ZERO);
      case "boolean" -> N.booleanNode(false);
      case "string" ->
          switch (s.path("format").asText()) {
            case "uuid" -> N.textNode(UUID.randomUUID().toString());
            case "date-time" -> N.textNode("2026-11-27T10:00:00Z");
            default -> N.textNode("x".repeat(Math.max(1, s.path("minLength").asInt(1))));
          };
      default -> throw new AssertionError("No value for " + s);
    };
  }

  JsonNode nonNull(JsonNode raw) {
    JsonNode s = resolve(raw);
    if (s.has("oneOf")) {
      for (JsonNode alternative : s.get("oneOf")) {
        if (!"null".equals(alternative.path("type").asText())) {
          return resolve(alternative);
        }
      }
    }
    return s;
  }

  private boolean nullable(JsonNode raw) {
    JsonNode s = resolve(raw);
    if (s.has("oneOf")) {
      for (JsonNode alternative : s.get("oneOf")) {
        if ("null".equals(alternative.path("type").asText())) {
          return true;
        }
      }
    }
    return s.path("type").isArray()
        && StreamSupport.stream(s.get("type").spliterator(), false)
            .anyMatch(t -> "null".equals(t.asText()));
  }

  private JsonNode resolve(JsonNode s) {
    while (s.has("$ref")) {
      s = doc.at(s.get("$ref").asText().substring(1));
    }
    return s;
  }

  /** The schema's JSON type other than null: string, integer, object, array, boolean. */
  String type(JsonNode s) {
    JsonNode t = s.path("type");
    if (t.isArray()) {
      for (JsonNode each : t) {
        if (!"null".equals(each.asText())) {
          return each.asText();
        }
      }
    }
    if (t.isTextual()) {
      return t.asText();
    }
    return s.has("enum") ? "string" : s.has("properties") ? "object" : "";
  }

  private List<JsonNode> wrongTypes(JsonNode s, boolean nullable) {
    String type = type(s);
    List<JsonNode> wrong = new ArrayList<>();
    if (!"boolean".equals(type)) {
      wrong.add(N.booleanNode(true));
    }
    if (!"integer".equals(type)) {
      wrong.add(N.numberNode(7));
    }
    wrong.add(N.numberNode(new BigDecimal("1.5")));
    if (!"string".equals(type) || s.has("enum")) {
      wrong.add(N.textNode("7"));
    }
    if (!"object".equals(type)) {
      wrong.add(N.objectNode());
    }
    if (!"array".equals(type)) {
      wrong.add(N.arrayNode());
    }
    if (!nullable) {
      wrong.add(N.nullNode());
    }
    return wrong;
  }

  /** A copy of {@code root} with {@code value} at {@code pointer} (its parent must exist). */
  private JsonNode with(JsonNode root, String pointer, JsonNode value) {
    if (pointer.isEmpty()) {
      return value;
    }
    JsonNode copy = root.deepCopy();
    int slash = pointer.lastIndexOf('/');
    JsonNode parent = copy.at(pointer.substring(0, slash));
    String name = pointer.substring(slash + 1);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(name), value);
    } else {
      ((ObjectNode) parent).set(name.replace("~1", "/").replace("~0", "~"), value);
    }
    return copy;
  }

  private ArrayNode repeat(JsonNode item, int times) {
    ArrayNode a = N.arrayNode();
    for (int i = 0; i < times; i++) {
      a.add(item.deepCopy());
    }
    return a;
  }

  String text(JsonNode n) {
    return n.isTextual() ? n.textValue() : n.toString();
  }

  String fullWidth(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
    return b.toString();
  }

  String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }
}
