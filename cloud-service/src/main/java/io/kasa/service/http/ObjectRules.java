package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * A schema's rules for objects: its fields and those it requires, whether others are allowed (an
 * unknown field is malformed), and for maps the number and names of their entries.
 */
final class ObjectRules {

  private final Map<String, Schema> properties = new LinkedHashMap<>();
  private final Set<String> required = new LinkedHashSet<>();
  private Schema additional;
  private boolean closed;
  private Integer minProperties;
  private Integer maxProperties;
  private Schema propertyNames;

  /** Takes {@code name} if it is a rule for objects; answers whether it was. */
  boolean keyword(String name, JsonNode value, String where, Function<String, Schema> refs) {
    switch (name) {
      case "properties" -> {
        for (Map.Entry<String, JsonNode> p : value.properties()) {
          properties.put(p.getKey(), Schema.compile(p.getValue(), where + "/" + p.getKey(), refs));
        }
      }
      case "required" -> value.forEach(r -> required.add(r.asText()));
      case "additionalProperties" -> {
        if (value.isBoolean()) {
          closed = !value.booleanValue();
        } else {
          additional = Schema.compile(value, where, refs);
        }
      }
      case "minProperties" -> minProperties = value.intValue();
      case "maxProperties" -> maxProperties = value.intValue();
      case "propertyNames" -> propertyNames = Schema.compile(value, where, refs);
      default -> {
        return false;
      }
    }
    return true;
  }

  void check(ObjectNode value, Place at, List<Schema.Violation> out, boolean rewrite) {
    for (String name : required) {
      if (!value.has(name)) {
        out.add(new Schema.Violation(at.field(value, name).pointer(), "is required", false));
      }
    }
    int count = value.size();
    if (minProperties != null && count < minProperties) {
      out.add(
          new Schema.Violation(
              at.pointer(), "must have at least " + minProperties + " entries", false));
    }
    if (maxProperties != null && count > maxProperties) {
      out.add(
          new Schema.Violation(
              at.pointer(), "must have at most " + maxProperties + " entries", false));
    }
    // Replacing a value is not a structural change: the iteration goes on.
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      Place here = at.field(value, name);
      if (propertyNames != null) {
        List<Schema.Violation> nameProblems = new ArrayList<>();
        propertyNames.check(TextNode.valueOf(name), here, nameProblems, false);
        nameProblems.forEach(
            v ->
                out.add(
                    new Schema.Violation(
                        v.pointer(), "is not an allowed name: " + v.message(), false)));
      }
      Schema schema = properties.getOrDefault(name, additional);
      if (schema != null) {
        schema.check(field.getValue(), here, out, rewrite);
      } else if (closed) {
        out.add(new Schema.Violation(here.pointer(), "is not a field of this request", true));
      }
    }
  }
}
