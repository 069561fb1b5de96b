package io.kasa.service.db.embedded;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A tiny shell process that stops the postmaster when this JVM is gone, however it went (kill -9,
 * the OOM killer, a crash). It waits on a pipe from the JVM, which the kernel closes when the JVM
 * dies: end of input means "stop PostgreSQL", a line means "the JVM stops it itself, just exit". It
 * stops only the process it was given, and only while that is still the folder's postmaster (its
 * working folder and its {@code -D}), with a fast shutdown, then an immediate one after a minute.
 * What it does goes into the server's log.
 */
final class Watchdog {

  private static final String SCRIPT =
      String.join(
          "\n",
          "trap '' INT HUP",
          "pm=$1; dir=$2",
          "if read -r _; then exit 0; fi",
          "ours() {",
          "  [ \"$(readlink /proc/$pm/cwd 2>/dev/null)\" = \"$dir\" ] || return 1",
          "  case \"$(tr '\\0' ' ' < /proc/$pm/cmdline 2>/dev/null)\" in",
          "    *postgres' -D '*) return 0 ;;",
          "  esac",
          "  return 1",
          "}",
          "ours || exit 0",
          "echo \"kasa-cloud watchdog: the service is gone; stopping PostgreSQL (PID $pm)\" >&2",
          "kill -INT \"$pm\"",
          "n=0",
          "while ours && [ $n -lt 600 ]; do sleep 0.1; n=$((n+1)); done",
          "if ours; then",
          "  echo \"kasa-cloud watchdog: PostgreSQL (PID $pm) did not stop in 60 s; stopping it"
              + " at once\" >&2",
          "  kill -QUIT \"$pm\"",
          "fi",
          "");

  private final Process process;

  private Watchdog(Process process) {
    this.process = process;
  }

  /** Starts watching over postmaster {@code pid} of {@code pgData}, logging to {@code log}. */
  static Watchdog start(long pid, Path pgData, Path log) throws IOException {
    Process p =
        new ProcessBuilder(
                "sh", "-c", SCRIPT, "kasa-postgres-watchdog", Long.toString(pid), pgData.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return new Watchdog(p);
  }

  boolean alive() {
    return process.isAlive();
  }

  long pid() {
    return process.pid();
  }

  /** Tells the watchdog that the postmaster is being stopped by this JVM, and waits for it. */
  void dismiss() {
    try (OutputStream in = process.getOutputStream()) {
      in.write("stopping\n".getBytes(StandardCharsets.US_ASCII));
    } catch (IOException alreadyGone) {
      // It is not waiting any more; nothing to tell.
    }
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroy();
    }
  }
}
