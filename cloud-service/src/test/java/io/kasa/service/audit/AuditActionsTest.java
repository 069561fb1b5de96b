package io.kasa.service.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.kasa.api.terminal.AuditEventRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The audit log's one table of actions (ADR 0048): every action the service records or a till
 * reports has a kind and words in both languages; an unknown action is its own words.
 */
class AuditActionsTest {

  /** The calls that write an audit entry, up to their closing parenthesis. */
  private static final Pattern CALL =
      Pattern.compile(
          "(Audit\\.record(Office)?\\(|OfficeSignIn\\.audit\\(|new AuditEntry\\(|\\baudit\\(h,|failed\\(h,)[^;]*;",
          Pattern.DOTALL);

  private static final Pattern ACTION =
      Pattern.compile("\"(office\\.[a-z][a-z.-]*|[A-Z][A-Z]+(_[A-Z]+)+|REFUND)\"");

  @Test
  void everyRecordedActionHasAKindAndWordsInBothLanguages() throws IOException {
    Set<String> recorded = new TreeSet<>(AuditEventRequest.ACTIONS);
    // ShiftService records "CASH_" + the movement's type.
    recorded.addAll(List.of("CASH_IN", "CASH_OUT", "CASH_NO_SALE"));
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher call = CALL.matcher(Files.readString(f));
        while (call.find()) {
          Matcher action = ACTION.matcher(call.group());
          while (action.find()) {
            recorded.add(action.group(1));
          }
        }
      }
    }
    assertThat(recorded)
        .as("found by reading the service's sources")
        .contains("SALE_VOIDED", "PIN_FAILED", "office.staff.deactivated", "TERMINAL_CREATED");
    assertThat(recorded).allSatisfy(a -> assertThat(AuditActions.of(a)).as(a).isNotNull());
    for (String action : AuditActions.known()) {
      AuditActions.Action a = AuditActions.of(action);
      assertThat(AuditActions.KINDS).as(action).contains(a.kind());
      assertThat(a.en()).as(action).isNotBlank().isNotEqualTo(action);
      assertThat(a.uk()).as(action).isNotBlank().isNotEqualTo(a.en());
      assertThat(AuditActions.actions(a.kind())).contains(action);
    }
    for (String kind : AuditActions.KINDS) {
      assertThat(AuditActions.actions(kind)).as(kind).isNotEmpty();
    }
  }

  @Test
  void anUnknownActionIsItsOwnWordsAndHasNoKind() {
    assertThat(AuditActions.words("FUTURE_THING", "en")).isEqualTo("FUTURE_THING");
    assertThat(AuditActions.kind("FUTURE_THING")).isNull();
    assertThat(AuditActions.words("CASH_NO_SALE", "en"))
        .isEqualTo("Drawer opened without a sale (no-sale)");
    assertThat(AuditActions.words("CASH_NO_SALE", "uk")).isEqualTo("Скриньку відкрито без продажу");
    assertThat(AuditActions.actions("no such kind")).isEmpty();
  }
}
