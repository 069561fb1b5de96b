package io.kasa.service.shifts;

import io.kasa.service.http.ApiException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/** Where a page ends: its last shift's opening time and id, opaque to the caller. */
record ShiftCursor(Instant openedAt, UUID id) {

  String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((openedAt + "~" + id).getBytes(StandardCharsets.UTF_8));
  }

  static ShiftCursor decode(String text) {
    try {
      String plain = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8);
      int tilde = plain.indexOf('~');
      return new ShiftCursor(
          Instant.parse(plain.substring(0, tilde)), UUID.fromString(plain.substring(tilde + 1)));
    } catch (IllegalArgumentException
        | DateTimeParseException
        | StringIndexOutOfBoundsException e) {
      throw ApiException.badRequest(
          "The query parameter cursor is not one this journal gave (take next from a page)");
    }
  }
}
