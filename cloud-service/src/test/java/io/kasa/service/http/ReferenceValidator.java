package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/** networknt's JSON Schema 2020-12 validator with format assertions on, over the document. */
final class ReferenceValidator {

  private static final JsonNodeFactory N = JsonNodeFactory.instance;

  private final JsonNode components;
  private final Map<String, com.networknt.schema.Schema> compiled = new HashMap<>();

  ReferenceValidator(JsonNode doc) {
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
