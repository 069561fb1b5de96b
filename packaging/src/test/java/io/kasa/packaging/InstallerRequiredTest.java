package io.kasa.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The installer is built (and smoke-tested) only where its tools are; CI says it must be, so a
 * machine without them fails here instead of skipping the smoke test without a word.
 */
class InstallerRequiredTest {

  @Test
  void whereTheInstallerIsRequiredItsToolsAreThere() {
    if ("required".equals(System.getenv("KASA_INSTALLER"))) {
      assertThat(Path.of("/usr/bin/fakeroot"))
          .as("fakeroot, which switches the .deb build and its smoke test on")
          .exists();
      assertThat(Files.isExecutable(Path.of("/usr/bin/dpkg-deb"))).as("dpkg-deb").isTrue();
      assertThat(System.getProperty("kasa.installer.skip")).isEqualTo("false");
    }
  }
}
