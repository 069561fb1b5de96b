package io.kasa.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kasa.api.OpenApi;
import io.kasa.service.TestCloud;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The service takes exactly what its OpenAPI document allows. For every operation, this walks the
 * document's request schemas and parameters and sends, at every place, values just outside each
 * rule (wrong JSON types, lengths, bounds, patterns, formats, enums, required and unknown fields,
 * entries) and just inside it: outside is refused with a problem naming the place, 400 for a type
 * or representation, 422 for a rule, 400 for a parameter; inside is never refused by the contract;
 * nothing is ever a 5xx. A field added to the document later is walked the same way. A reference
 * JSON Schema validator (networknt) says which values the document allows, so the check cannot
 * agree with itself by construction.
 */
class ContractEdgesTest {

  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  private enum Expect {
    MALFORMED,
    INVALID,
    ACCEPTED
  }

  private record Case(String what, String pointer, JsonNode body, Expect expect) {}

  private static TestCloud cloud;
  private static JsonNode doc;
  private static Map<String, String> manager;
  private static Oracle oracle;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    doc = TestCloud.JSON.readTree(OpenApi.json());
    manager = cloud.signedIn(cloud.enrollDemoTerminal(), cloud.demo.managerId(), "9999");
    oracle = new Oracle(doc);
  }

  @AfterAll
  static void stop() throws Exception {
    cloud.close();
  }

  @Test
  void everyRuleOfEveryRequestBodyHoldsJustOutsideAndJustInsideIt() {
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        JsonNode schema = op.getValue().at("/requestBody/content/application~1json/schema");
        if (schema.isMissingNode()) {
          continue;
        }
        String method = op.getKey().toUpperCase(Locale.ROOT);
        JsonNode base = minimal(schema);
        assertThat(oracle.valid(schema, base))
            .as("%s %s: a body made of the document's examples and bounds is valid", method, path)
            .isTrue();
        List<Case> cases = new ArrayList<>();
        walk(schema, "", base, cases);
        for (Case c : cases) {
          Expect expect = c.expect() == Expect.MALFORMED ? c.expect() : oracleSays(schema, c);
          TestCloud.Reply reply =
              send(
                  method,
                  path.getKey(),
                  c.body().toString(),
                  Map.of("header:Idempotency-Key", UUID.randomUUID().toString()));
          sent++;
          String problem = judge(reply, c.pointer(), expect, "malformed", "contract");
          if (problem != null) {
            failures.add(
                method
                    + " "
                    + path.getKey()
                    + " "
                    + c.what()
                    + " at "
                    + c.pointer()
                    + ": "
                    + problem
                    + " "
                    + abbreviate(c.body().toString())
                    + " -> "
                    + reply.status()
                    + " "
                    + abbreviate(reply.body()));
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(sent).as("cases sent").isGreaterThan(500);
  }

  @Test
  void everyDocumentedQueryParameterAndHeaderIsEnforced() {
    List<String> failures = new ArrayList<>();
    int sent = 0;
    for (Map.Entry<String, JsonNode> path : doc.get("paths").properties()) {
      for (Map.Entry<String, JsonNode> op : path.getValue().properties()) {
        String method = op.getKey().toUpperCase(Locale.ROOT);
        JsonNode bodySchema = op.getValue().at("/requestBody/content/application~1json/schema");
        String body = bodySchema.isMissingNode() ? null : minimal(bodySchema).toString();
        Map<String, String> valid = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          String in = p.get("in").asText();
          if ("query".equals(in) || "header".equals(in)) {
            parameters.add(p);
            if (p.path("required").asBoolean()) {
              valid.put(in + ":" + p.get("name").asText(), text(minimal(p.get("schema"))));
            }
          }
        }
        for (JsonNode p : parameters) {
          String key = p.get("in").asText() + ":" + p.get("name").asText();
          JsonNode schema = p.get("schema");
          Map<String, Expect> values = new LinkedHashMap<>();
          if (p.path("required").asBoolean()) {
            values.put(null, Expect.INVALID);
          }
          for (String candidate : parameterCandidates(schema, p.get("in").asText())) {
            values.put(candidate, parameterVerdict(schema, candidate));
          }
          for (Map.Entry<String, Expect> v : values.entrySet()) {
            Map<String, String> params = new LinkedHashMap<>(valid);
            if (v.getKey() == null) {
              params.remove(key);
            } else {
              params.put(key, v.getKey());
            }
            TestCloud.Reply reply = send(method, path.getKey(), body, params);
            sent++;
            String problem =
                judge(reply, p.get("name").asText(), v.getValue(), "bad-request", "bad-request");
            if (problem != null) {
              failures.add(
                  method
                      + " "
                      + path.getKey()
                      + " "
                      + key
                      + "="
                      + v.getKey()
                      + ": "
                      + problem
                      + " -> "
                      + reply.status()
                      + " "
                      + abbreviate(reply.body()));
            }
          }
        }
      }
    }
    assertThat(failures).isEmpty();
    assertThat(sent).as("cases sent").isGreaterThan(40);
  }

  /** Null when the reply is what was expected, else what is wrong with it. */
  private static String judge(
      TestCloud.Reply reply, String pointer, Expect expect, String typeOutside, String typeRule) {
    if (reply.status() >= 500) {
      return "a server error";
    }
    boolean problem = reply.contentType().startsWith("application/problem+json");
    boolean names =
        problem
            && reply.status() >= 400
            && reply.body().startsWith("{")
            && StreamSupport.stream(reply.json().path("errors").spliterator(), false)
                .anyMatch(e -> pointer.equals(e.path("pointer").asText()));
    String type = problem && reply.body().startsWith("{") ? reply.json().path("type").asText() : "";
    return switch (expect) {
      case MALFORMED ->
          reply.status() == 400 && names && type.endsWith("/" + typeOutside)
              ? null
              : "expected 400 " + typeOutside + " naming the place";
      case INVALID -> {
        int status = typeOutside.equals(typeRule) ? 400 : 422;
        yield reply.status() == status && names && type.endsWith("/" + typeRule)
            ? null
            : "expected " + status + " " + typeRule + " naming the place";
      }
      case ACCEPTED ->
          names && (type.endsWith("/" + typeOutside) || type.endsWith("/" + typeRule))
              ? "refused by the contract although the document allows it"
              : null;
    };
  }

  private static Expect oracleSays(JsonNode schema, Case c) {
    boolean valid = oracle.valid(schema, c.body());
    if (c.expect() == Expect.ACCEPTED) {
      return valid ? Expect.ACCEPTED : Expect.INVALID;
    }
    return valid ? Expect.ACCEPTED : c.expect();
  }

  private static TestCloud.Reply send(
      String method, String template, String body, Map<String, String> params) {
    String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    Map<String, String> headers = new HashMap<>(manager);
    StringBuilder query = new StringBuilder();
    params.forEach(
        (k, v) -> {
          String name = k.substring(k.indexOf(':') + 1);
          if (k.startsWith("header:")) {
            headers.put(name, v);
          } else {
            query.append(query.length() == 0 ? "?" : "&");
            query.append(name).append('=').append(URLEncoder.encode(v, StandardCharsets.UTF_8));
          }
        });
    return cloud.send(method, path + query, body, headers);
  }

  // --- the walk

  private static void walk(JsonNode raw, String pointer, JsonNode root, List<Case> out) {
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

  private static void strings(JsonNode s, String pointer, JsonNode root, List<Case> out) {
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

  private static void integers(JsonNode s, String pointer, JsonNode root, List<Case> out) {
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

  private static void objects(JsonNode s, String pointer, JsonNode root, List<Case> out) {
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

  private static void arrays(JsonNode s, String pointer, JsonNode root, List<Case> out) {
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

  // --- parameters

  private static List<String> parameterCandidates(JsonNode raw, String in) {
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

  /** The plain decimal integers and text the document's parameter schemas allow. */
  private static Expect parameterVerdict(JsonNode raw, String value) {
    JsonNode s = nonNull(raw);
    JsonNode node;
    if ("integer".equals(type(s))) {
      if (!value.matches("-?(0|[1-9][0-9]*)")) {
        return Expect.INVALID;
      }
      BigInteger n = new BigInteger(value);
      String format = s.path("format").asText();
      BigInteger max =
          "int32".equals(format)
              ? BigInteger.valueOf(Integer.MAX_VALUE)
              : BigInteger.valueOf(Long.MAX_VALUE);
      if (n.abs().compareTo(max) > 0) {
        return Expect.INVALID;
      }
      node = N.numberNode(n);
    } else {
      node = N.textNode(value);
    }
    return oracle.valid(raw, node) ? Expect.ACCEPTED : Expect.INVALID;
  }

  // --- values

  /** A valid value of a schema: required fields only, examples, bounds, first enum values. */
  static JsonNode minimal(JsonNode raw) {
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

  private static JsonNode nonNull(JsonNode raw) {
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

  private static boolean nullable(JsonNode raw) {
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

  private static JsonNode resolve(JsonNode s) {
    while (s.has("$ref")) {
      s = doc.at(s.get("$ref").asText().substring(1));
    }
    return s;
  }

  /** The schema's JSON type other than null: string, integer, object, array, boolean. */
  private static String type(JsonNode s) {
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

  private static List<JsonNode> wrongTypes(JsonNode s, boolean nullable) {
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
  private static JsonNode with(JsonNode root, String pointer, JsonNode value) {
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

  private static ArrayNode repeat(JsonNode item, int times) {
    ArrayNode a = N.arrayNode();
    for (int i = 0; i < times; i++) {
      a.add(item.deepCopy());
    }
    return a;
  }

  private static String text(JsonNode n) {
    return n.isTextual() ? n.textValue() : n.toString();
  }

  private static String fullWidth(String s) {
    StringBuilder b = new StringBuilder();
    s.chars().forEach(c -> b.append(c >= '0' && c <= '9' ? (char) (c - '0' + '０') : (char) c));
    return b.toString();
  }

  private static String abbreviate(String s) {
    return s.length() > 120 ? s.substring(0, 120) + "…" : s;
  }

  /** networknt's JSON Schema 2020-12 validator with format assertions on, over the document. */
  private static final class Oracle {
    private final JsonNode components;
    private final Map<String, com.networknt.schema.Schema> compiled = new HashMap<>();

    Oracle(JsonNode doc) {
      this.components = doc.get("components");
    }

    boolean valid(JsonNode schema, JsonNode value) {
      com.networknt.schema.Schema validator =
          compiled.computeIfAbsent(
              schema.toString(),
              text -> {
                ObjectNode s = N.objectNode();
                s.put("$schema", "https://json-schema.org/draft/2020-12/schema");
                s.setAll((ObjectNode) schema.deepCopy());
                s.set("components", components);
                return com.networknt.schema.SchemaRegistry.withDefaultDialect(
                        com.networknt.schema.SpecificationVersion.DRAFT_2020_12,
                        b ->
                            b.schemaRegistryConfig(
                                com.networknt.schema.SchemaRegistryConfig.builder()
                                    .formatAssertionsEnabled(true)
                                    .build()))
                    .getSchema(s.toString(), com.networknt.schema.InputFormat.JSON);
              });
      return validator.validate(value.toString(), com.networknt.schema.InputFormat.JSON).isEmpty();
    }
  }
}
