package io.kasa.service.db.embedded;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The superuser's password of an embedded PostgreSQL: generated once, kept in a file beside the
 * data that only its owner may read, never logged, and given to PostgreSQL as a SCRAM-SHA-256
 * verifier so that the password itself never reaches the server's files.
 */
final class Secret {

  private static final Logger LOG = LoggerFactory.getLogger(Secret.class);
  private static final Set<PosixFilePermission> OWNER_ONLY =
      EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SCRAM_ITERATIONS = 4096;

  private Secret() {}

  /** A new password: 32 random bytes, base64url (letters, digits, - and _). */
  static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** The password kept in {@code file}, or null when there is no such file. */
  static String read(Path file) throws IOException {
    try {
      tighten(file);
      return Files.readString(file, StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      return null;
    } catch (AccessDeniedException e) {
      throw new IllegalStateException(
          "Cannot read "
              + file
              + ": run kasa-cloud as the user that owns the data folder (the service's user)",
          e);
    }
  }

  /**
   * Keeps {@code password} in {@code file}, readable and writable by its owner only, replacing it
   * atomically and durably.
   */
  static void write(Path file, String password) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    Files.createFile(partial, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
    try (FileChannel out = FileChannel.open(partial, StandardOpenOption.WRITE)) {
      out.write(java.nio.ByteBuffer.wrap((password + "\n").getBytes(StandardCharsets.UTF_8)));
      out.force(true);
    }
    Files.move(partial, file, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel folder = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      folder.force(true);
    }
  }

  /** A file someone made readable by others is made owner-only again, with a warning. */
  private static void tighten(Path file) throws IOException {
    Set<PosixFilePermission> now = Files.getPosixFilePermissions(file);
    if (!OWNER_ONLY.containsAll(now)) {
      LOG.warn(
          "{} was readable by others ({}); made readable by its owner only",
          file,
          PosixFilePermissions.toString(now));
      Files.setPosixFilePermissions(file, OWNER_ONLY);
    }
  }

  /**
   * The SCRAM-SHA-256 verifier of {@code password} as PostgreSQL stores it (RFC 5802, RFC 7677):
   * {@code SCRAM-SHA-256$<iterations>:<salt>$<StoredKey>:<ServerKey>}, base64.
   */
  static String scramVerifier(String password) {
    byte[] salt = new byte[16];
    RANDOM.nextBytes(salt);
    try {
      byte[] salted =
          SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
              .generateSecret(new PBEKeySpec(password.toCharArray(), salt, SCRAM_ITERATIONS, 256))
              .getEncoded();
      byte[] storedKey = MessageDigest.getInstance("SHA-256").digest(hmac(salted, "Client Key"));
      byte[] serverKey = hmac(salted, "Server Key");
      Base64.Encoder b64 = Base64.getEncoder();
      return "SCRAM-SHA-256$"
          + SCRAM_ITERATIONS
          + ":"
          + b64.encodeToString(salt)
          + "$"
          + b64.encodeToString(storedKey)
          + ":"
          + b64.encodeToString(serverKey);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("SCRAM-SHA-256 needs PBKDF2WithHmacSHA256 and HmacSHA256", e);
    }
  }

  private static byte[] hmac(byte[] key, String text) throws GeneralSecurityException {
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
  }
}
