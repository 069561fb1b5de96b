package io.kasa.service.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;

/**
 * The service's JSON: strict on input (unknown fields, missing numbers, repeated names and scalars
 * where text is expected are errors, no NUL characters in text), ISO times. Requests are checked
 * against the API document before they are read ({@link Contract}); this is the second line.
 */
public final class Json {

  private Json() {}

  /**
   * Text as Jackson reads it, refused when it holds a NUL character: PostgreSQL's text cannot store
   * one, so it is a 400 here rather than a failed statement later.
   */
  private static final class NoNul extends StringDeserializer {

    private static final long serialVersionUID = 1L;

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String text = super.deserialize(p, ctxt);
      if (text != null && text.indexOf('\0') >= 0) {
        throw ctxt.weirdStringException(text, String.class, "NUL characters are not accepted");
      }
      return text;
    }
  }

  public static ObjectMapper mapper() {
    return JsonMapper.builder()
        .addModule(new JavaTimeModule())
        .addModule(new SimpleModule("kasa-text").addDeserializer(String.class, new NoNul()))
        // {"amount":1,"amount":5} is not one request: which amount is meant depends on the reader.
        .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
        // A number with a fraction keeps its digits in a parsed tree (1e400 is not infinity).
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        // true, 5 or 1.5 are not text, and "5" is not a number.
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                c.setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail))
        .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .build();
  }
}
