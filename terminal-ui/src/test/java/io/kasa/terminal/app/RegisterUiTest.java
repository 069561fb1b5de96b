package io.kasa.terminal.app;

import io.kasa.service.TestCloud;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A headless register UI test: the real service on an embedded PostgreSQL for the class, and for
 * each test a new register ({@link TestRegister}) in a window of its own.
 */
@ExtendWith(ApplicationExtension.class)
abstract class RegisterUiTest {

  static TestCloud cloud;
  @TempDir static Path dir;
  TestRegister fixture;

  @BeforeAll
  static void startCloud() throws Exception {
    cloud = new TestCloud();
  }

  @AfterAll
  static void stopCloud() throws Exception {
    cloud.close();
  }

  /** The first letters of this class's terminal codes. */
  abstract String terminalPrefix();

  /**
   * Subclasses override it with {@code @Start} and call it: TestFX looks on the test class only.
   */
  @Start
  void start(Stage stage) {
    RegisterWindow.applyTheme(RegisterWindow.Theme.LIGHT);
    fixture = new TestRegister(cloud, dir, terminalPrefix());
    stage.setScene(fixture.register.scene());
    stage.show();
  }

  @AfterEach
  void stop() throws Exception {
    fixture.close();
  }
}
