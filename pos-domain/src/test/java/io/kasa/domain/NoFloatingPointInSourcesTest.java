package io.kasa.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ArchUnit rule sees fields, signatures and calls; this test also catches a {@code double}
 * local variable or literal cast that leaves no trace in those.
 */
class NoFloatingPointInSourcesTest {

  private static final Pattern COMMENTS = Pattern.compile("(?s)/\\*.*?\\*/|//[^\\n]*");
  private static final Pattern STRINGS = Pattern.compile("\"(?:\\\\.|[^\"\\\\])*\"");
  private static final Pattern FLOATING = Pattern.compile("\\b(double|float|Double|Float)\\b");

  @Test
  void mainSourcesNeverMentionFloatingPointTypes() throws IOException {
    Path main = Path.of("src/main/java");
    assertThat(main).isDirectory();
    List<String> offenders;
    try (Stream<Path> files = Files.walk(main)) {
      offenders =
          files
              .filter(p -> p.toString().endsWith(".java"))
              .filter(NoFloatingPointInSourcesTest::mentionsFloatingPoint)
              .map(Path::toString)
              .toList();
    }
    assertThat(offenders).isEmpty();
  }

  @Test
  void theScanFindsAFloatingPointLocal() {
    assertThat(FLOATING.matcher(code("class A { void f() { double x = 1; } }")).find()).isTrue();
    assertThat(FLOATING.matcher(code("class A { /* double */ String s = \"float\"; }")).find())
        .isFalse();
  }

  private static boolean mentionsFloatingPoint(Path file) {
    try {
      return FLOATING.matcher(code(Files.readString(file))).find();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String code(String source) {
    return STRINGS.matcher(COMMENTS.matcher(source).replaceAll(" ")).replaceAll("\"\"");
  }
}
