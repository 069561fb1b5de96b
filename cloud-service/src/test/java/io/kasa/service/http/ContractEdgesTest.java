package io.kasa.service.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.kasa.api.OpenApi;
import io.kasa.service.TestCloud;
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

  private static TestCloud cloud;
  private static JsonNode doc;
  private static Map<String, String> manager;
  private static Map<String, String> owner;
  private static ReferenceValidator oracle;
  private static EdgeCases edges;

  @BeforeAll
  static void start() throws Exception {
    cloud = new TestCloud();
    doc = TestCloud.JSON.readTree(OpenApi.json());
    manager = cloud.signedIn(cloud.enrollDemoTerminal(), cloud.demo.managerId(), "9999");
    owner = officeOwner();
    oracle = new ReferenceValidator(doc);
    edges = new EdgeCases(doc);
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
        JsonNode base = edges.minimal(schema);
        assertThat(oracle.valid(schema, base))
            .as("%s %s: a body made of the document's examples and bounds is valid", method, path)
            .isTrue();
        // The operation's required query parameters and headers, valid: only the body is at fault.
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          String in = p.get("in").asText();
          if (("query".equals(in) || "header".equals(in)) && p.path("required").asBoolean()) {
            params.put(
                in + ":" + p.get("name").asText(), edges.text(edges.minimal(p.get("schema"))));
          }
        }
        List<EdgeCases.Case> cases = new ArrayList<>();
        edges.walk(schema, "", base, cases);
        for (EdgeCases.Case c : cases) {
          EdgeCases.Expect expect =
              c.expect() == EdgeCases.Expect.MALFORMED ? c.expect() : oracleSays(schema, c);
          Map<String, String> withKey = new LinkedHashMap<>(params);
          withKey.put("header:Idempotency-Key", UUID.randomUUID().toString());
          TestCloud.Reply reply = send(method, path.getKey(), c.body().toString(), withKey);
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
                    + edges.abbreviate(c.body().toString())
                    + " -> "
                    + reply.status()
                    + " "
                    + edges.abbreviate(reply.body()));
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
        String body = bodySchema.isMissingNode() ? null : edges.minimal(bodySchema).toString();
        Map<String, String> valid = new LinkedHashMap<>();
        List<JsonNode> parameters = new ArrayList<>();
        for (JsonNode p : op.getValue().path("parameters")) {
          String in = p.get("in").asText();
          if ("query".equals(in) || "header".equals(in)) {
            parameters.add(p);
            if (p.path("required").asBoolean()) {
              valid.put(
                  in + ":" + p.get("name").asText(), edges.text(edges.minimal(p.get("schema"))));
            }
          }
        }
        for (JsonNode p : parameters) {
          String key = p.get("in").asText() + ":" + p.get("name").asText();
          JsonNode schema = p.get("schema");
          Map<String, EdgeCases.Expect> values = new LinkedHashMap<>();
          if (p.path("required").asBoolean()) {
            values.put(null, EdgeCases.Expect.INVALID);
          }
          for (String candidate : edges.parameterCandidates(schema, p.get("in").asText())) {
            values.put(candidate, parameterVerdict(schema, candidate));
          }
          for (Map.Entry<String, EdgeCases.Expect> v : values.entrySet()) {
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
                      + edges.abbreviate(reply.body()));
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
      TestCloud.Reply reply,
      String pointer,
      EdgeCases.Expect expect,
      String typeOutside,
      String typeRule) {
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

  private static EdgeCases.Expect oracleSays(JsonNode schema, EdgeCases.Case c) {
    boolean valid = oracle.valid(schema, c.body());
    if (c.expect() == EdgeCases.Expect.ACCEPTED) {
      return valid ? EdgeCases.Expect.ACCEPTED : EdgeCases.Expect.INVALID;
    }
    return valid ? EdgeCases.Expect.ACCEPTED : c.expect();
  }

  /** A back-office owner's session, for the routes the document secures with {@code office}. */
  private static Map<String, String> officeOwner() {
    String email = "edges@kolosok.example";
    String password = "correct horse battery";
    cloud
        .services
        .officeAccounts()
        .create(cloud.demo.organisationId(), email, "owner", List.of(), password);
    TestCloud.Reply r =
        cloud.send(
            "POST",
            "/v1/office/sessions",
            "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}",
            Map.of());
    assertThat(r.status()).as(r.body()).isEqualTo(201);
    return Map.of("Authorization", "Bearer " + r.json().get("token").asText());
  }

  /** The caller a route is sent as: a back-office owner where the document asks for one. */
  private static Map<String, String> caller(String method, String template) {
    JsonNode security =
        doc.get("paths").path(template).path(method.toLowerCase(Locale.ROOT)).path("security");
    for (JsonNode s : security) {
      if (s.has("office")) {
        return owner;
      }
    }
    return manager;
  }

  private static TestCloud.Reply send(
      String method, String template, String body, Map<String, String> params) {
    String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
    Map<String, String> headers = new HashMap<>(caller(method, template));
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

  /** The plain decimal integers and text the document's parameter schemas allow. */
  private static EdgeCases.Expect parameterVerdict(JsonNode raw, String value) {
    JsonNode s = edges.nonNull(raw);
    JsonNode node;
    if ("integer".equals(edges.type(s))) {
      if (!value.matches("-?(0|[1-9][0-9]*)")) {
        return EdgeCases.Expect.INVALID;
      }
      BigInteger n = new BigInteger(value);
      String format = s.path("format").asText();
      BigInteger max =
          "int32".equals(format)
              ? BigInteger.valueOf(Integer.MAX_VALUE)
              : BigInteger.valueOf(Long.MAX_VALUE);
      if (n.abs().compareTo(max) > 0) {
        return EdgeCases.Expect.INVALID;
      }
      node = N.numberNode(n);
    } else {
      node = N.textNode(value);
    }
    return oracle.valid(raw, node) ? EdgeCases.Expect.ACCEPTED : EdgeCases.Expect.INVALID;
  }
}
