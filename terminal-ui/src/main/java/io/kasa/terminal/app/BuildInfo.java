package io.kasa.terminal.app;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * What this register is: its version and the commit it was built from (written by the build), and
 * the Java and JavaFX it runs on; for {@code --version}, the About box and support.
 *
 * @param version the release, e.g. 0.1.0
 * @param commit the short commit id, or "unknown" when built outside a Git work tree
 * @param commitTime when that commit was made, or "unknown"
 * @param dirty whether the work tree had changes not committed
 */
public record BuildInfo(String version, String commit, String commitTime, boolean dirty) {

  /** This build's, from the properties the build filtered. */
  public static BuildInfo current() {
    Properties p = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
      if (in != null) {
        p.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        known(p.getProperty("version")),
        known(p.getProperty("commit")),
        known(p.getProperty("commitTime")),
        Boolean.parseBoolean(p.getProperty("dirty")));
  }

  /** A value the build did not fill stays "${…}" in the file: shown as unknown. */
  private static String known(String value) {
    return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value;
  }

  /** The JavaFX release on the module path, from the javafx.properties of javafx.base. */
  public static String javafxVersion() {
    Module base = javafx.beans.Observable.class.getModule();
    try (InputStream in =
        base.isNamed()
            ? base.getResourceAsStream("javafx.properties")
            : javafx.beans.Observable.class.getResourceAsStream("/javafx.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("javafx.runtime.version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The lines of {@code --version} and of the About box. */
  public List<String> lines() {
    List<String> out = new ArrayList<>();
    out.add("Kasa register " + version);
    out.add("Build: " + commit + (dirty ? " (modified)" : "") + ", " + commitTime);
    out.add(
        "Java: "
            + System.getProperty("java.runtime.version")
            + " ("
            + System.getProperty("java.vendor")
            + ") at "
            + System.getProperty("java.home"));
    out.add("JavaFX: " + javafxVersion());
    out.add(
        "OS: "
            + System.getProperty("os.name")
            + " "
            + System.getProperty("os.version")
            + " "
            + System.getProperty("os.arch"));
    return out;
  }
}
