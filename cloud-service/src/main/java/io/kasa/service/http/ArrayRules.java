package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.List;
import java.util.function.Function;

/** A schema's rules for arrays: the schema of their entries and how many there may be. */
final class ArrayRules {

  private Schema items;
  private Integer minItems;
  private Integer maxItems;

  /** Takes {@code name} if it is a rule for arrays; answers whether it was. */
  boolean keyword(String name, JsonNode value, String where, Function<String, Schema> refs) {
    switch (name) {
      case "items" -> items = Schema.compile(value, where, refs);
      case "minItems" -> minItems = value.intValue();
      case "maxItems" -> maxItems = value.intValue();
      default -> {
        return false;
      }
    }
    return true;
  }

  void check(ArrayNode value, Place at, List<Schema.Violation> out, boolean rewrite) {
    if (minItems != null && value.size() < minItems) {
      out.add(
          new Schema.Violation(at.pointer(), "must have at least " + minItems + " entries", false));
    }
    if (maxItems != null && value.size() > maxItems) {
      out.add(
          new Schema.Violation(at.pointer(), "must have at most " + maxItems + " entries", false));
    }
    if (items != null) {
      for (int i = 0; i < value.size(); i++) {
        items.check(value.get(i), at.item(value, i), out, rewrite);
      }
    }
  }
}
