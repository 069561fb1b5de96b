package io.kasa.service.db.embedded;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One data folder's PostgreSQL cluster and the commands run on it: created with password
 * authentication, an older trust-authentication cluster secured in place, and the server started
 * with production durability on loopback only. The settings that make it safe are given on the
 * command line at every start, where no configuration file can override them.
 */
final class Cluster {

  private static final Logger LOG = LoggerFactory.getLogger(Cluster.class);
  static final String SUPERUSER = "postgres";
  private static final long LOG_ROTATE_BYTES = 10L << 20;
  private static final Pattern ROUTINE =
      Pattern.compile(
          "starting PostgreSQL|database system is shut down|waiting for server|stopped waiting"
              + "|Examine the log output|backend> ");
  private static final String HBA =
      String.join(
          "\n",
          "# Written by kasa-cloud at every start (ADR 0017): a password (SCRAM-SHA-256) for",
          "# everyone, from this machine only. Edits here are replaced.",
          "local   all           all                     scram-sha-256",
          "host    all           all     127.0.0.1/32    scram-sha-256",
          "host    all           all     ::1/128         scram-sha-256",
          "host    replication   all     127.0.0.1/32    scram-sha-256",
          "");

  private final Path folder;
  private final Path pgData;
  private final Path secretFile;
  private final Path log;
  private final Binaries binaries;

  Cluster(Path folder, Binaries binaries) {
    this.folder = folder;
    this.pgData = folder.resolve("pg");
    this.secretFile = folder.resolve("pg.password");
    this.log = folder.resolve("postgresql.log");
    this.binaries = binaries;
  }

  Path pgData() {
    return pgData;
  }

  Path log() {
    return log;
  }

  Path secretFile() {
    return secretFile;
  }

  /**
   * Makes the cluster ready to start and returns the superuser's password: a new cluster is created
   * with it; a stale server of this folder is cleared away; a cluster without a kept password (made
   * by an earlier Kasa with trust authentication) gets one.
   */
  String prepare() throws IOException {
    String password = Secret.read(secretFile);
    if (!Files.exists(pgData.resolve("PG_VERSION"))) {
      if (password == null) {
        password = Secret.generate();
        Secret.write(secretFile, password);
      }
      initdb();
    } else {
      Postmaster.clearStale(pgData);
      if (password == null) {
        password = Secret.generate();
        setPassword(password);
        Secret.write(secretFile, password);
        LOG.info(
            "Set a password on the PostgreSQL superuser in {} (kept in {})", pgData, secretFile);
      }
    }
    Files.writeString(pgData.resolve("pg_hba.conf"), HBA, StandardCharsets.UTF_8);
    return password;
  }

  private void initdb() throws IOException {
    LOG.info("Creating a PostgreSQL cluster in {}", pgData);
    run(
        "initdb",
        null,
        "-D",
        pgData.toString(),
        "-U",
        SUPERUSER,
        "--auth=scram-sha-256",
        "--pwfile=" + secretFile,
        "-E",
        "UTF-8");
  }

  /** Sets the superuser's password in single-user mode: no server, no connection, no trust. */
  private void setPassword(String password) throws IOException {
    String sql =
        "ALTER ROLE " + SUPERUSER + " PASSWORD '" + Secret.scramVerifier(password) + "';\n";
    String out =
        run("postgres", sql, "--single", "-D", pgData.toString(), "-c", "fsync=on", SUPERUSER);
    if (out.contains("ERROR:") || out.contains("FATAL:")) {
      throw new IllegalStateException(
          "Cannot set the PostgreSQL superuser's password in " + pgData + ": " + lastLines(out));
    }
  }

  /**
   * PostgreSQL's buffer cache: an eighth of the machine's memory, from PostgreSQL's own default of
   * 128 MB up to 2 GB (the service, a register and a browser may share the machine), or what {@code
   * KASA_DB_SHARED_BUFFERS} says (as PostgreSQL writes it: {@code 512MB}, {@code 4GB}). With the
   * default 128 MB a year of a busy store's indexes no longer fit, and the back office's and shift
   * reports' reads of today's rows go to the disk (issue 22 point 7, issue 24; docs/benchmarks.md).
   */
  static String sharedBuffers() {
    String set = System.getenv("KASA_DB_SHARED_BUFFERS");
    if (set != null && set.strip().matches("[1-9][0-9]*(kB|MB|GB)")) {
      return set.strip();
    }
    try {
      long total =
          ((com.sun.management.OperatingSystemMXBean)
                  java.lang.management.ManagementFactory.getOperatingSystemMXBean())
              .getTotalMemorySize();
      return Math.max(128, Math.min(2048, total / 8 / (1024 * 1024))) + "MB";
    } catch (ClassCastException | LinkageError e) {
      // A runtime without the jdk.management module: PostgreSQL's own default.
      return "128MB";
    }
  }

  /**
   * Starts the server on {@code port} and returns its postmaster's PID; when it does not start, the
   * exception says why in PostgreSQL's words.
   */
  long start(int port) throws IOException {
    rotateLog();
    long offset = Files.exists(log) ? Files.size(log) : 0;
    String options =
        String.join(
            " ",
            "-p " + port,
            "-c listen_addresses=127.0.0.1",
            "-c unix_socket_directories=''",
            "-c fsync=on",
            "-c synchronous_commit=on",
            "-c full_page_writes=on",
            "-c password_encryption=scram-sha-256",
            "-c max_connections=200",
            "-c shared_buffers=" + sharedBuffers(),
            "-c timezone=UTC");
    List<String> command =
        binaries.command(
            "pg_ctl",
            "-D",
            pgData.toString(),
            "-l",
            log.toString(),
            "-w",
            "-t",
            "3600",
            "-o",
            options,
            "start");
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    int code = waitFor(p);
    var running = Postmaster.running(pgData);
    if (code != 0 || running.isEmpty()) {
      String cause = lastLines(logSince(offset));
      throw new StartFailure(
          "PostgreSQL did not start in "
              + pgData
              + ": "
              + (cause.isEmpty() ? lastLines(out) : cause)
              + " (whole log: "
              + log
              + ")",
          cause.contains("could not bind") || cause.contains("already in use"));
    }
    return running.get().pid();
  }

  /** A start that failed; {@code portTaken} when another process had the port. */
  static final class StartFailure extends IllegalStateException {
    private static final long serialVersionUID = 1L;
    final boolean portTaken;

    StartFailure(String message, boolean portTaken) {
      super(message);
      this.portTaken = portTaken;
    }
  }

  /** A port on loopback that nothing listens on now. */
  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private void rotateLog() throws IOException {
    if (Files.exists(log) && Files.size(log) > LOG_ROTATE_BYTES) {
      Files.move(
          log, log.resolveSibling(log.getFileName() + ".1"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private String logSince(long offset) throws IOException {
    if (!Files.exists(log)) {
      return "";
    }
    try (RandomAccessFile f = new RandomAccessFile(log.toFile(), "r")) {
      long from = Math.max(offset, f.length() - 8192);
      byte[] bytes = new byte[(int) (f.length() - from)];
      f.seek(from);
      f.readFully(bytes);
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  /** The last lines that say something, without the log's prefix and its routine lines. */
  static String lastLines(String text) {
    List<String> lines = new ArrayList<>();
    for (String line : text.strip().split("\n")) {
      String l =
          line.replaceFirst("^.*?\\b(LOG|FATAL|PANIC|ERROR|WARNING|DETAIL|HINT):\\s+", "$1: ");
      if (!l.isBlank() && !ROUTINE.matcher(l).find()) {
        lines.add(l.strip());
      }
    }
    return String.join("; ", lines.subList(Math.max(0, lines.size() - 5), lines.size()));
  }

  /** Runs one of PostgreSQL's programs to its end; throws with its output when it fails. */
  private String run(String program, String input, String... args) throws IOException {
    Process p =
        new ProcessBuilder(binaries.command(program, args))
            .directory(folder.toFile())
            .redirectErrorStream(true)
            .start();
    try (OutputStream in = p.getOutputStream()) {
      if (input != null) {
        in.write(input.getBytes(StandardCharsets.UTF_8));
      }
    }
    String out;
    try (InputStream o = p.getInputStream()) {
      out = new String(o.readAllBytes(), StandardCharsets.UTF_8);
    }
    if (waitFor(p) != 0) {
      throw new IllegalStateException(
          program
              + " failed in "
              + pgData
              + ": "
              + lastLines(out)
              + " (exit "
              + p.exitValue()
              + ")");
    }
    return out;
  }

  private static int waitFor(Process p) throws IOException {
    try {
      if (!p.waitFor(2, TimeUnit.HOURS)) {
        p.destroy();
        throw new IOException(String.join(" ", p.info().commandLine().orElse("")) + " hung");
      }
      return p.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
  }
}
