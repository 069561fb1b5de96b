package io.kasa.service.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One schema of the API document, compiled: the JSON Schema keywords the document uses, checked in
 * one pass over a parsed request. Compiling refuses a keyword or format it does not know, so the
 * document cannot state a rule the service does not enforce (ADR 0020).
 *
 * <p>A value of the wrong JSON type, a number that is not a whole number where one is expected, or
 * one too large for its format is malformed (400); a value of the right type that breaks a rule
 * (required, enum, pattern, bounds, lengths, formats) is invalid (422). Integers written with a
 * fraction or exponent ({@code 2.0}, {@code 1e2}) and date-times in any RFC 3339 form are rewritten
 * in the tree to the form the records read, so what the document allows is what the service takes.
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
    NULL,
    BOOLEAN,
    INTEGER,
    NUMBER,
    STRING,
    OBJECT,
    ARRAY;

    static Type named(String name, String where) {
      try {
        return valueOf(name.toUpperCase(java.util.Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("Unknown type " + name + " at " + where, e);
      }
    }

    String label() {
      return switch (this) {
        case NULL -> "null";
        case BOOLEAN -> "true or false";
        case INTEGER -> "a whole number";
        case NUMBER -> "a number";
        case STRING -> "a string";
        case OBJECT -> "an object";
        case ARRAY -> "an array";
      };
    }
  }

  private EnumSet<Type> types;
  private List<JsonNode> allowed;
  private Integer minLength;
  private Integer maxLength;
  private Pattern pattern;
  private String patternText;
  private SchemaFormats.Format format;
  private BigDecimal minimum;
  private BigDecimal maximum;
  private Long minimumLong;
  private Long maximumLong;
  private boolean exclusiveMinimum;
  private boolean exclusiveMaximum;
  private final Map<String, Schema> properties = new LinkedHashMap<>();
  private final Set<String> required = new LinkedHashSet<>();
  private Schema additional;
  private boolean closed;
  private Integer minProperties;
  private Integer maxProperties;
  private Schema propertyNames;
  private Schema items;
  private Integer minItems;
  private Integer maxItems;
  private List<Schema> oneOf;
  private Schema ref;
  private boolean constrained;

  private Schema() {}

  /**
   * Compiles {@code definition}; {@code refs} compiles a {@code $ref} target once and answers it
   * again for every other reference.
   */
  static Schema compile(JsonNode definition, String where, Function<String, Schema> refs) {
    Schema s = new Schema();
    if (!definition.isObject()) {
      throw new IllegalArgumentException("A schema is an object at " + where);
    }
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
      case "minLength" -> minLength = value.intValue();
      case "maxLength" -> maxLength = value.intValue();
      case "pattern" -> {
        patternText = value.asText();
        pattern = SchemaFormats.ecmaPattern(patternText);
      }
      case "format" -> format = SchemaFormats.named(value.asText(), where);
      case "minimum" -> {
        minimum = value.decimalValue();
        minimumLong = asLong(minimum);
      }
      case "maximum" -> {
        maximum = value.decimalValue();
        maximumLong = asLong(maximum);
      }
      case "exclusiveMinimum" -> {
        minimum = value.decimalValue();
        minimumLong = asLong(minimum);
        exclusiveMinimum = true;
      }
      case "exclusiveMaximum" -> {
        maximum = value.decimalValue();
        maximumLong = asLong(maximum);
        exclusiveMaximum = true;
      }
      case "properties" ->
          value
              .properties()
              .forEach(
                  p ->
                      properties.put(
                          p.getKey(), compile(p.getValue(), where + "/" + p.getKey(), refs)));
      case "required" -> value.forEach(r -> required.add(r.asText()));
      case "additionalProperties" -> {
        if (value.isBoolean()) {
          closed = !value.booleanValue();
        } else {
          additional = compile(value, where, refs);
        }
      }
      case "minProperties" -> minProperties = value.intValue();
      case "maxProperties" -> maxProperties = value.intValue();
      case "propertyNames" -> propertyNames = compile(value, where, refs);
      case "items" -> items = compile(value, where, refs);
      case "minItems" -> minItems = value.intValue();
      case "maxItems" -> maxItems = value.intValue();
      case "oneOf" -> {
        oneOf = new ArrayList<>();
        int i = 0;
        for (JsonNode alternative : value) {
          oneOf.add(compile(alternative, where + "/" + i++, refs));
        }
      }
      default -> {
        if (!ANNOTATIONS.contains(name)) {
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

  private static Long asLong(BigDecimal bound) {
    return SchemaFormats.fitsLong(bound) ? bound.longValueExact() : null;
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
    check(value, At.named(name), out, true);
  }

  /**
   * Checks {@code value}, found {@code at}, adding what is wrong to {@code out}; with {@code
   * rewrite}, a value in another spelling of what the record reads is replaced there.
   */
  void check(JsonNode value, At at, List<Violation> out, boolean rewrite) {
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
      case INTEGER, NUMBER -> number(value, at, out, rewrite);
      case OBJECT -> object((ObjectNode) value, at, out, rewrite);
      case ARRAY -> array((ArrayNode) value, at, out, rewrite);
      default -> {}
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

  private void oneOf(JsonNode value, Type type, At at, List<Violation> out, boolean rewrite) {
    // Alternatives that cannot take the value's JSON type fail without being tried.
    List<Schema> candidates = new ArrayList<>(oneOf.size());
    for (Schema alternative : oneOf) {
      Set<Type> t = alternative.declaredTypes();
      if (t == null || accepts(t, value, type)) {
        candidates.add(alternative);
      }
    }
    if (candidates.isEmpty()) {
      out.add(typeMismatch(at));
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

  private void string(JsonNode value, At at, List<Violation> out, boolean rewrite) {
    String s = value.textValue();
    if (s.indexOf('\0') >= 0) {
      // PostgreSQL's text cannot hold it: refused here rather than by a failed statement later.
      out.add(new Violation(at.pointer(), "must not hold the NUL character (U+0000)", true));
      return;
    }
    int length = s.codePointCount(0, s.length());
    if (minLength != null && length < minLength) {
      out.add(
          new Violation(
              at.pointer(),
              minLength == 1 ? "must not be empty" : "must be at least " + minLength + " long",
              false));
    }
    if (maxLength != null && length > maxLength) {
      out.add(new Violation(at.pointer(), "must be at most " + maxLength + " characters", false));
    }
    // A pattern is only tried on text of an allowed length: no regular expression runs over a
    // megabyte of it.
    if (pattern != null
        && (maxLength == null || length <= maxLength)
        && !pattern.matcher(s).find()) {
      out.add(new Violation(at.pointer(), "must match " + patternText, false));
    }
    if (format != null) {
      format.check(value, at, out, rewrite);
    }
  }

  private void number(JsonNode value, At at, List<Violation> out, boolean rewrite) {
    if (format != null && !format.check(value, at, out, rewrite)) {
      return;
    }
    boolean boundsInLong =
        (minimum == null || minimumLong != null) && (maximum == null || maximumLong != null);
    if (boundsInLong && value.isIntegralNumber() && value.canConvertToLong()) {
      // The common case, without BigDecimal: a whole number within a long.
      long n = value.longValue();
      below(minimum != null && (n < minimumLong || exclusiveMinimum && n == minimumLong), at, out);
      above(maximum != null && (n > maximumLong || exclusiveMaximum && n == maximumLong), at, out);
      return;
    }
    BigDecimal n = value.decimalValue();
    if (types != null && types.contains(Type.INTEGER) && value.isFloatingPointNumber()) {
      if (!SchemaFormats.fitsLong(n)) {
        out.add(new Violation(at.pointer(), "must be a whole number from -2^63 to 2^63-1", true));
        return;
      }
      if (rewrite) {
        at.replace(LongNode.valueOf(n.longValueExact()));
      }
    }
    if (minimum != null) {
      int c = n.compareTo(minimum);
      below(c < 0 || exclusiveMinimum && c == 0, at, out);
    }
    if (maximum != null) {
      int c = n.compareTo(maximum);
      above(c > 0 || exclusiveMaximum && c == 0, at, out);
    }
  }

  private void below(boolean broken, At at, List<Violation> out) {
    if (broken) {
      out.add(
          new Violation(
              at.pointer(),
              "must be " + (exclusiveMinimum ? "more than " : "at least ") + plain(minimum),
              false));
    }
  }

  private void above(boolean broken, At at, List<Violation> out) {
    if (broken) {
      out.add(
          new Violation(
              at.pointer(),
              "must be " + (exclusiveMaximum ? "less than " : "at most ") + plain(maximum),
              false));
    }
  }

  private void object(ObjectNode value, At at, List<Violation> out, boolean rewrite) {
    for (String name : required) {
      if (!value.has(name)) {
        out.add(new Violation(at.field(value, name).pointer(), "is required", false));
      }
    }
    int count = value.size();
    if (minProperties != null && count < minProperties) {
      out.add(
          new Violation(at.pointer(), "must have at least " + minProperties + " entries", false));
    }
    if (maxProperties != null && count > maxProperties) {
      out.add(
          new Violation(at.pointer(), "must have at most " + maxProperties + " entries", false));
    }
    // Replacing a value is not a structural change: the iteration goes on.
    for (Map.Entry<String, JsonNode> field : value.properties()) {
      String name = field.getKey();
      At here = at.field(value, name);
      if (propertyNames != null) {
        List<Violation> nameProblems = new ArrayList<>();
        propertyNames.check(TextNode.valueOf(name), here, nameProblems, false);
        nameProblems.forEach(
            v ->
                out.add(
                    new Violation(v.pointer(), "is not an allowed name: " + v.message(), false)));
      }
      Schema schema = properties.get(name);
      if (schema == null) {
        schema = additional;
      }
      if (schema == null) {
        if (closed) {
          out.add(new Violation(here.pointer(), "is not a field of this request", true));
        }
        continue;
      }
      schema.check(field.getValue(), here, out, rewrite);
    }
  }

  private void array(ArrayNode value, At at, List<Violation> out, boolean rewrite) {
    if (minItems != null && value.size() < minItems) {
      out.add(new Violation(at.pointer(), "must have at least " + minItems + " entries", false));
    }
    if (maxItems != null && value.size() > maxItems) {
      out.add(new Violation(at.pointer(), "must have at most " + maxItems + " entries", false));
    }
    if (items != null) {
      for (int i = 0; i < value.size(); i++) {
        items.check(value.get(i), at.item(value, i), out, rewrite);
      }
    }
  }

  private Violation typeMismatch(At at) {
    Set<Type> expected = declaredTypes();
    return new Violation(
        at.pointer(),
        expected == null ? "does not have the expected type" : "must be " + labels(expected),
        true);
  }

  /**
   * Where a value sits in a request: its pointer, made only when a problem is reported, and the
   * place a rewritten value goes.
   */
  static final class At {
    private final At parent;
    private final JsonNode container;
    private final String name;
    private final int index;

    private At(At parent, JsonNode container, String name, int index) {
      this.parent = parent;
      this.container = container;
      this.name = name;
      this.index = index;
    }

    /** The whole body. */
    static At body() {
      return new At(null, null, "", -1);
    }

    /** A value reported by its name, such as a query parameter's. */
    static At named(String name) {
      return new At(null, null, name, -1);
    }

    At field(ObjectNode object, String field) {
      return new At(this, object, field, -1);
    }

    At item(ArrayNode array, int i) {
      return new At(this, array, null, i);
    }

    String pointer() {
      if (parent == null) {
        return name;
      }
      String step =
          name == null ? Integer.toString(index) : name.replace("~", "~0").replace("/", "~1");
      return parent.pointer() + "/" + step;
    }

    void replace(JsonNode value) {
      if (container instanceof ObjectNode object) {
        object.set(name, value);
      } else if (container instanceof ArrayNode array) {
        array.set(index, value);
      }
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
    return types.stream().map(Type::label).collect(Collectors.joining(" or "));
  }

  private static String list(List<JsonNode> values) {
    return values.stream()
        .map(v -> v.isTextual() ? v.textValue() : v.toString())
        .collect(Collectors.joining(", "));
  }

  private static String plain(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }
}
