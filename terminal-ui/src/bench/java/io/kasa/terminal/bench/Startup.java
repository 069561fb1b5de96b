package io.kasa.terminal.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** Cold starts in fresh JVMs, headless, five of each, medians compared in one run. */
final class Startup {

  private static final int RUNS = 5;

  /**
   * The register's JVM options, as its launchers set them: one compiler tier (C1 only: a UI, not a
   * server, starts faster), the serial collector and a 256 MB heap. The yardstick runs with the
   * same options.
   */
  static final List<String> REGISTER_JVM =
      List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m");

  private Startup() {}

  static void compare(Path data, Path dir) throws Exception {
    classPath = jarred(dir.resolve("jars"));
    sqliteNative = unpackSqlite(dir.resolve("native"));
    Path cds = dir.resolve("register.jsa");
    long minimal = median(() -> run(List.of(), MinimalWindow.class, List.of()));
    long register = median(() -> run(List.of(), RegisterStartup.class, List.of(data.toString())));
    // AppCDS: one training run writes the archive at exit, later runs map it.
    run(List.of("-XX:ArchiveClassesAtExit=" + cds), RegisterStartup.class, List.of(data.toString()));
    long withCds =
        median(
            () -> run(List.of("-XX:SharedArchiveFile=" + cds), RegisterStartup.class, List.of(data.toString())));
    System.out.printf(
        Locale.ROOT,
        "cold start to the first frame (median of %d): minimal JavaFX window %d ms; register's"
            + " sign-in screen %d ms (%.2f×), with AppCDS %d ms (%.2f×) (target ≤ 1.5× and ≤ 2 s)%n",
        RUNS,
        minimal,
        register,
        register / (double) minimal,
        withCds,
        withCds / (double) minimal);
    long rss = run(List.of(), RegisterStartup.class, List.of(data.toString(), "memory"), "rss-mb");
    System.out.printf(
        Locale.ROOT,
        "resident memory, register signed in and selling from the %d-item replica: %d MB"
            + " (target ≤ 300 MB)%n",
        ScanToCartBench.ITEMS,
        rss);
  }

  /** The class path the cold starts run on: every entry a jar, as an installed register's is. */
  private static String classPath;

  /**
   * Maven's class path, with its class directories (this module's classes and the benchmark's)
   * packed into jars under {@code dir}: CDS archives classes from jars only, so an archive made on
   * directories would leave out the register's own classes.
   */
  static String jarred(Path dir) throws java.io.IOException {
    java.nio.file.Files.createDirectories(dir);
    List<String> entries = new ArrayList<>();
    int n = 0;
    for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
      Path p = Path.of(entry);
      if (!java.nio.file.Files.isDirectory(p)) {
        entries.add(entry);
        continue;
      }
      Path jar = dir.resolve("classes-" + n++ + ".jar");
      try (var out = new java.util.jar.JarOutputStream(java.nio.file.Files.newOutputStream(jar));
          var files = java.nio.file.Files.walk(p)) {
        for (Path file : (Iterable<Path>) files.filter(java.nio.file.Files::isRegularFile)::iterator) {
          out.putNextEntry(
              new java.util.jar.JarEntry(p.relativize(file).toString().replace('\\', '/')));
          java.nio.file.Files.copy(file, out);
          out.closeEntry();
        }
      }
      entries.add(jar.toString());
    }
    return String.join(java.io.File.pathSeparator, entries);
  }

  /**
   * SQLite's native library unpacked once, as the installed register has it (the Linux launcher's
   * -Dorg.sqlite.lib.path); without it sqlite-jdbc extracts it to /tmp at every start.
   */
  private static List<String> sqliteNative = List.of();

  static List<String> unpackSqlite(Path dir) throws java.io.IOException {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch").replace("amd64", "x86_64");
    if (!os.startsWith("linux")) {
      return List.of();
    }
    String resource = "/org/sqlite/native/Linux/" + arch + "/libsqlitejdbc.so";
    try (var in = org.sqlite.JDBC.class.getResourceAsStream(resource)) {
      if (in == null) {
        return List.of();
      }
      java.nio.file.Files.createDirectories(dir);
      java.nio.file.Files.copy(
          in, dir.resolve("libsqlitejdbc.so"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
    return List.of("-Dorg.sqlite.lib.path=" + dir, "-Dorg.sqlite.lib.name=libsqlitejdbc.so");
  }

  interface Run {
    long get() throws Exception;
  }

  private static long median(Run run) throws Exception {
    long[] values = new long[RUNS];
    for (int i = 0; i < RUNS; i++) {
      values[i] = run.get();
    }
    Arrays.sort(values);
    return values[RUNS / 2];
  }

  private static long run(List<String> jvm, Class<?> main, List<String> args) throws Exception {
    return run(jvm, main, args, "first-frame-ms");
  }

  /** Runs {@code main} in a fresh JVM on this class path, headless; answers the figure printed. */
  private static long run(List<String> jvm, Class<?> main, List<String> args, String figure)
      throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(REGISTER_JVM);
    command.addAll(sqliteNative);
    command.addAll(jvm);
    command.addAll(
        List.of(
            "-Dglass.platform=Monocle",
            "-Dmonocle.platform=Headless",
            "-Dprism.order=sw",
            "-Djava.awt.headless=true",
            "-Xshare:auto",
            "-Dbench.items=" + ScanToCartBench.ITEMS,
            "-cp",
            classPath,
            main.getName()));
    command.addAll(args);
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    long value = -1;
    try (BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = out.readLine()) != null) {
        if (line.startsWith(figure + " ")) {
          // Only the digits: a log line on the merged stderr may land before the line's end.
          java.util.regex.Matcher digits =
              java.util.regex.Pattern.compile("\\d+").matcher(line.substring(figure.length() + 1));
          if (digits.lookingAt()) {
            value = Long.parseLong(digits.group());
          }
        }
      }
    }
    if (!p.waitFor(3, java.util.concurrent.TimeUnit.MINUTES)) {
      p.destroyForcibly();
    }
    if (value < 0) {
      throw new IllegalStateException(main.getSimpleName() + " printed no " + figure);
    }
    return value;
  }
}
