package io.kasa.devices.cli;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.kasa.domain.receipt.Receipt;
import java.io.IOException;
import java.nio.file.Path;

/** The JSON form of pos-domain's {@link Receipt}: its record components, dates in ISO-8601. */
public final class ReceiptJson {

  // Only record components: helpers such as Money.isZero() are not part of the form.
  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .enable(SerializationFeature.WRITE_DATES_WITH_ZONE_ID)
          .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  private ReceiptJson() {}

  public static Receipt read(Path file) throws IOException {
    try {
      return JSON.readValue(file.toFile(), Receipt.class);
    } catch (IOException e) {
      throw new IOException(
          file + " is not a receipt: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
  }

  public static String write(Receipt receipt) throws IOException {
    return JSON.writeValueAsString(receipt);
  }
}
