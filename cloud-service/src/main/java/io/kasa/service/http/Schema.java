package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One schema of the API document, compiled: the JSON Schema keywords the document uses, checked in
 * one pass over a parsed request. Compiling refuses a keyword or format it does not know, so the
 * document cannot state a rule the service does not enforce (ADR 0020).
 *
 * <p>A value of the wrong JSON type, a number that is not a whole number where one is expected, or
 * one too large for its format is malformed (400); a value of the right type that breaks a rule
 * (required, enum, pattern, bounds, lengths, formats) is invalid (422). Whole numbers written with
 * a fraction or exponent ({@code 2.0}, {@code 1e2}) and date-times in any RFC 3339 form are
 * rewritten in the tree to the form the records read, so what the document allows is what the
 * service takes.
 */
final class Schema {

  /**
   * One way a request breaks the document.
   *
   * @param pointer where, as a JSON pointer into the body (or the parameter's name)
   * @param message what is wrong, in plain words
   * @param malformed true for a wrong JSON type or an unrepresentable number (400), false for a
   *     broken rule (422)
   */
  record Violation(String pointer, String message, boolean malformed) {}

  private static final Set<String> ANNOTATIONS =
      Set.of(
          "description",
          "title",
          "examples",
          "example",
          "default",
          "deprecated",
          "readOnly",
          "writeOnly",
          "$comment");

  private enum Type {
    NULL("null"),
    BOOLEAN("true or false"),
    INTEGER("a whole number"),
    NUMBER("a number"),
    STRING("a string"),
    OBJECT("an object"),
    ARRAY("an array");

    private final String label;

    Type(String label) {
      this.label = label;
    }

    static Type named(String name, String where) {
      try {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown type " + name + " at " + where, e);
      }
    }
  }

  private EnumSet<Type> types;
  private List<JsonNode> allowed;
  private SchemaFormats.Format format;
  private final TextRules text = new TextRules();
  private final NumberRules numbers = new NumberRules();
  private final ObjectRules object = new ObjectRules();
  private final ArrayRules array = new ArrayRules();
  private List<Schema> oneOf;
  private Schema ref;
  private boolean constrained;

  private Schema() {}

  /**
   * Compiles {@code definition}; {@code refs} compiles a {@code $ref} target once and answers it
   * again for every other reference.
   */
  static Schema compile(JsonNode definition, String where, Function<String, Schema> refs) {
    if (!definition.isObject()) {
      throw new IllegalArgumentException("A schema is an object at " + where);
    }
    Schema s = new Schema();
    for (Map.Entry<String, JsonNode> f : definition.properties()) {
      s.keyword(f.getKey(), f.getValue(), where + "/" + f.getKey(), refs);
    }
    return s;
  }

  private void keyword(String name, JsonNode value, String where, Function<String, Schema> refs) {
    if (!"$ref".equals(name) && !ANNOTATIONS.contains(name)) {
      constrained = true;
    }
    switch (name) {
      case "$ref" -> ref = refs.apply(value.asText());
      case "type" -> {
        types = EnumSet.noneOf(Type.class);
        if (value.isArray()) {
          value.forEach(t -> types.add(Type.named(t.asText(), where)));
        } else {
          types.add(Type.named(value.asText(), where));
        }
      }
      case "enum" -> {
        allowed = new ArrayList<>();
        value.forEach(allowed::add);
      }
      case "const" -> allowed = List.of(value);
      case "format" -> format = SchemaFormats.named(value.asText(), where);
      case "oneOf" -> {
        oneOf = new ArrayList<>();
        for (JsonNode alternative : value) {
          oneOf.add(compile(alternative, where + "/" + oneOf.size(), refs));
        }
      }
      default -> {
        boolean known =
            ANNOTATIONS.contains(name)
                || text.keyword(name, value)
                || numbers.keyword(name, value)
                || object.keyword(name, value, where, refs)
                || array.keyword(name, value, where, refs);
        if (!known) {
          throw new IllegalArgumentException(
              "The API document uses "
                  + name
                  + " at "
                  + where
                  + ", which the service cannot check");
        }
      }
    }
  }

  /** A schema that stands for a {@code $ref} target compiled later. */
  static Schema forward() {
    return new Schema();
  }

  /** Makes a {@link #forward()} schema the compiled target. */
  void become(Schema target) {
    this.ref = target;
  }

  /** Checks {@code value}, named {@code name} in what is reported, adding what is wrong to out. */
  void check(JsonNode value, String name, List<Violation> out) {
    check(value, Place.named(name), out, true);
  }

  /**
   * Checks {@code value}, found {@code at}, adding what is wrong to {@code out}; with {@code
   * rewrite}, a value in another spelling of what the record reads is replaced there.
   */
  void check(JsonNode value, Place at, List<Violation> out, boolean rewrite) {
    if (ref != null) {
      ref.check(value, at, out, rewrite);
      if (!constrained) {
        return;
      }
    }
    Type type = typeOf(value);
    if (oneOf != null) {
      oneOf(value, type, at, out, rewrite);
    }
    if (types != null && !accepts(types, value, type)) {
      out.add(new Violation(at.pointer(), "must be " + labels(types), true));
      return;
    }
    if (allowed != null && !allowed.contains(value)) {
      boolean sameType = allowed.stream().anyMatch(a -> typeOf(a) == type);
      out.add(new Violation(at.pointer(), "must be one of " + list(allowed), !sameType));
      return;
    }
    switch (type) {
      case STRING -> string(value, at, out, rewrite);
      case INTEGER, NUMBER -> {
        if (format == null || format.check(value, at, out, rewrite)) {
          boolean whole = types != null && types.contains(Type.INTEGER);
          numbers.check(value, whole, at, out, rewrite);
        }
      }
      case OBJECT -> object.check((ObjectNode) value, at, out, rewrite);
      case ARRAY -> array.check((ArrayNode) value, at, out, rewrite);
      default -> {}
    }
  }

  private void string(JsonNode value, Place at, List<Violation> out, boolean rewrite) {
    String s = value.textValue();
    if (s.indexOf('\0') >= 0) {
      // PostgreSQL's text cannot hold it: refused here rather than by a failed statement later.
      out.add(new Violation(at.pointer(), "must not hold the NUL character (U+0000)", true));
      return;
    }
    text.check(s, at, out);
    if (format != null) {
      format.check(value, at, out, rewrite);
    }
  }

  /** Whether the schema takes numbers and not text: a parameter's digits are then a number. */
  boolean numeric() {
    Set<Type> t = declaredTypes();
    return t != null
        && !t.contains(Type.STRING)
        && (t.contains(Type.INTEGER) || t.contains(Type.NUMBER));
  }

  /** The JSON types this schema or its alternatives take, or null when any may do. */
  private Set<Type> declaredTypes() {
    if (types != null) {
      return types;
    }
    if (ref != null && !constrained) {
      return ref.declaredTypes();
    }
    if (oneOf == null) {
      return null;
    }
    EnumSet<Type> all = EnumSet.noneOf(Type.class);
    for (Schema alternative : oneOf) {
      Set<Type> t = alternative.declaredTypes();
      if (t == null) {
        return null;
      }
      all.addAll(t);
    }
    return all;
  }

  private void oneOf(JsonNode value, Type type, Place at, List<Violation> out, boolean rewrite) {
    // Alternatives that cannot take the value's JSON type fail without being tried.
    List<Schema> candidates = new ArrayList<>(oneOf.size());
    for (Schema alternative : oneOf) {
      Set<Type> t = alternative.declaredTypes();
      if (t == null || accepts(t, value, type)) {
        candidates.add(alternative);
      }
    }
    if (candidates.isEmpty()) {
      Set<Type> expected = declaredTypes();
      out.add(
          new Violation(
              at.pointer(),
              expected == null ? "does not have the expected type" : "must be " + labels(expected),
              true));
      return;
    }
    if (candidates.size() == 1) {
      candidates.get(0).check(value, at, out, rewrite);
      return;
    }
    List<Schema> matching = new ArrayList<>();
    List<List<Violation>> failures = new ArrayList<>();
    for (Schema alternative : candidates) {
      List<Violation> trial = new ArrayList<>();
      alternative.check(value, at, trial, false);
      if (trial.isEmpty()) {
        matching.add(alternative);
      } else {
        failures.add(trial);
      }
    }
    if (matching.size() == 1) {
      matching.get(0).check(value, at, out, rewrite);
    } else if (matching.isEmpty()) {
      out.addAll(failures.get(0));
    } else {
      out.add(new Violation(at.pointer(), "matches more than one of its forms", false));
    }
  }

  private static Type typeOf(JsonNode n) {
    if (n.isNull()) {
      return Type.NULL;
    }
    if (n.isBoolean()) {
      return Type.BOOLEAN;
    }
    if (n.isIntegralNumber()) {
      return Type.INTEGER;
    }
    if (n.isNumber()) {
      return Type.NUMBER;
    }
    if (n.isTextual()) {
      return Type.STRING;
    }
    return n.isArray() ? Type.ARRAY : Type.OBJECT;
  }

  /** Whether a value of {@code type} is one of {@code types}; 2.0 is an integer, 2 a number. */
  private static boolean accepts(Set<Type> types, JsonNode value, Type type) {
    if (types.contains(type)) {
      return true;
    }
    if (type == Type.INTEGER) {
      return types.contains(Type.NUMBER);
    }
    return type == Type.NUMBER
        && types.contains(Type.INTEGER)
        && SchemaFormats.isWhole(value.decimalValue());
  }

  private static String labels(Set<Type> types) {
    return types.stream().map(t -> t.label).collect(Collectors.joining(" or "));
  }

  private static String list(List<JsonNode> values) {
    return values.stream()
        .map(v -> v.isTextual() ? v.textValue() : v.toString())
        .collect(Collectors.joining(", "));
  }
}
