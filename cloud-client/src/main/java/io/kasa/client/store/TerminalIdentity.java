package io.kasa.client.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Optional;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The terminal's credential, kept sealed: AES-256-GCM under a random key in a file readable by the
 * terminal's user only, beside the database. A copy of the database (a backup, a support bundle)
 * holds no usable credential; the key file never leaves the machine. ADR 0008 says why this and not
 * a clear-text file.
 */
public final class TerminalIdentity {

  static final String KEY_FILE = "terminal.key";
  private static final String CREDENTIAL = "terminal-credential";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final LocalStore store;
  private final SecretKeySpec key;

  private TerminalIdentity(LocalStore store, SecretKeySpec key) {
    this.store = store;
    this.key = key;
  }

  /** Opens the identity of the store in {@code dir}, creating its key file on first use. */
  public static TerminalIdentity open(LocalStore store, Path dir) {
    return new TerminalIdentity(store, new SecretKeySpec(key(dir.resolve(KEY_FILE)), "AES"));
  }

  /** Keeps the credential received at enrollment, replacing any earlier one. */
  public void credential(String credential) {
    byte[] sealed = seal(credential.getBytes(StandardCharsets.UTF_8));
    store.inTransaction(
        c -> {
          try (PreparedStatement s =
              c.prepareStatement(
                  "insert into sealed_secret (name, sealed) values (?, ?)"
                      + " on conflict (name) do update set sealed = excluded.sealed")) {
            s.setString(1, CREDENTIAL);
            s.setBytes(2, sealed);
            s.executeUpdate();
          }
          return null;
        });
  }

  /** The credential, if the terminal is enrolled. */
  public Optional<String> credential() {
    byte[] sealed =
        store.inTransaction(
            c -> {
              try (PreparedStatement s =
                  c.prepareStatement("select sealed from sealed_secret where name = ?")) {
                s.setString(1, CREDENTIAL);
                try (ResultSet r = s.executeQuery()) {
                  return r.next() ? r.getBytes(1) : null;
                }
              }
            });
    return sealed == null
        ? Optional.empty()
        : Optional.of(new String(open(sealed), StandardCharsets.UTF_8));
  }

  private byte[] seal(byte[] plain) {
    byte[] iv = new byte[12];
    RANDOM.nextBytes(iv);
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
      cipher.updateAAD(CREDENTIAL.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain);
      byte[] out = new byte[iv.length + sealed.length];
      System.arraycopy(iv, 0, out, 0, iv.length);
      System.arraycopy(sealed, 0, out, iv.length, sealed.length);
      return out;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every JDK", e);
    }
  }

  private byte[] open(byte[] sealed) {
    try {
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, sealed, 0, 12));
      cipher.updateAAD(CREDENTIAL.getBytes(StandardCharsets.UTF_8));
      return cipher.doFinal(sealed, 12, sealed.length - 12);
    } catch (GeneralSecurityException e) {
      throw new StoreException(
          "The terminal credential cannot be unsealed: the key file "
              + KEY_FILE
              + " is not the one it was sealed with; enroll the terminal again",
          e);
    }
  }

  private static byte[] key(Path file) {
    try {
      if (!Files.exists(file)) {
        // Written whole to a private temporary file, then renamed: a crash never leaves a short
        // key.
        byte[] fresh = new byte[32];
        RANDOM.nextBytes(fresh);
        Path tmp =
            Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")
                ? Files.createTempFile(
                    file.getParent(),
                    KEY_FILE,
                    ".tmp",
                    PosixFilePermissions.asFileAttribute(
                        PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
        Files.write(tmp, fresh, StandardOpenOption.SYNC);
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE);
        return fresh;
      }
      byte[] key = Files.readAllBytes(file);
      if (key.length != 32) {
        throw new StoreException("The key file " + file + " is damaged", null);
      }
      return key;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or create the key file " + file, e);
    }
  }
}
