package io.connectctl.cli.apply;

import io.connectctl.cli.CliException;
import io.connectctl.facade.SecretValues;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What {@code apply} records about the secret values it wrote, so that re-applying unchanged values
 * sends nothing: a keyed hash (HMAC-SHA256) of the secret's name and values, stored as the label
 * {@value #LABEL} on the secret. The key is 32 random bytes kept in the user's config directory
 * ({@code ~/.config/connectctl/apply-secrets.key}, created on first use, readable by the user
 * only); it never leaves the machine. Without the key, the label tells nothing about the value, not
 * even for a short password (guessing would need the key), and the same value in two secrets gives
 * two unrelated labels (the name is hashed too). With another key (another user or machine) the
 * label does not match, so the secret is simply written once more and the label takes that key's
 * hash.
 */
public final class SecretFingerprints {
  /** The label holding the fingerprint. */
  public static final String LABEL = "connectctl-fingerprint";

  /** The key file's name in the config directory. */
  public static final String KEY_FILE = "apply-secrets.key";

  private static final int KEY_BYTES = 32;

  /**
   * Hex characters of the HMAC kept in the label (192 bits; short enough for any label value
   * limit).
   */
  private static final int LABEL_HEX = 48;

  private final Optional<byte[]> key;

  private SecretFingerprints(Optional<byte[]> key) {
    this.key = key;
  }

  /** The key file under {@code home} ({@code ~/.config/connectctl/}{@value #KEY_FILE}). */
  public static Path keyFile(Path home) {
    return keyFile(home, Map.of());
  }

  /**
   * The key file in the user's config directory: {@code $XDG_CONFIG_HOME/connectctl/} when that
   * variable holds an absolute path, else {@code ~/.config/connectctl/}.
   */
  public static Path keyFile(Path home, Map<String, String> env) {
    String xdg = env.get("XDG_CONFIG_HOME");
    Path base =
        xdg != null && !xdg.isBlank() && Path.of(xdg).isAbsolute()
            ? Path.of(xdg)
            : home.resolve(".config");
    return base.resolve("connectctl").resolve(KEY_FILE);
  }

  /**
   * Loads the key; when there is none, creates it if {@code create} (else fingerprints are unknown
   * and every existing secret counts as changed).
   *
   * @throws CliException (exit 2) when the key file cannot be read, is malformed, or cannot be
   *     created
   */
  public static SecretFingerprints load(Path home, boolean create) {
    return loadFile(keyFile(home), create);
  }

  /**
   * As {@link #load(Path, boolean)}, with the key kept in {@code file} (see {@link #keyFile(Path,
   * Map)}).
   */
  public static SecretFingerprints loadFile(Path file, boolean create) {
    if (Files.exists(file)) {
      return new SecretFingerprints(Optional.of(read(file)));
    }
    if (!create) {
      return new SecretFingerprints(Optional.empty());
    }
    byte[] fresh = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(fresh);
    try {
      Files.createDirectories(file.getParent());
      Path temp = Files.createTempFile(file.getParent(), KEY_FILE, ".tmp");
      try {
        restrict(temp);
        Files.writeString(temp, HexFormat.of().formatHex(fresh) + "\n", StandardCharsets.US_ASCII);
        Files.move(temp, file);
      } finally {
        Files.deleteIfExists(temp);
      }
    } catch (FileAlreadyExistsException raced) {
      return new SecretFingerprints(Optional.of(read(file)));
    } catch (IOException e) {
      throw CliException.usage(
          "Cannot create the secrets fingerprint key " + file + ": " + e.getMessage());
    }
    return new SecretFingerprints(Optional.of(fresh));
  }

  /** Whether a key is available (else {@link #of} is empty). */
  public boolean hasKey() {
    return key.isPresent();
  }

  /** The label value for {@code name} holding {@code values}; empty without a key. */
  public Optional<String> of(String name, SecretValues values) {
    return key.map(
        k -> {
          try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(k, "HmacSHA256"));
            mac.update(field("connectctl-secret-v1"));
            mac.update(field(name));
            for (Map.Entry<String, String> e : values.revealAll().entrySet()) {
              mac.update(field(e.getKey()));
              mac.update(field(e.getValue()));
            }
            return HexFormat.of().formatHex(mac.doFinal()).substring(0, LABEL_HEX);
          } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
          }
        });
  }

  /** Length-prefixed, so no two different inputs run together into the same bytes. */
  private static byte[] field(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).array();
  }

  private static byte[] read(Path file) {
    try {
      String text = Files.readString(file, StandardCharsets.US_ASCII).trim();
      byte[] bytes = HexFormat.of().parseHex(text);
      if (bytes.length < 16) {
        throw new IllegalArgumentException("too short");
      }
      return bytes;
    } catch (IOException | IllegalArgumentException | java.io.UncheckedIOException e) {
      throw CliException.usage(
          "The secrets fingerprint key "
              + file
              + " is unreadable or malformed (expected hex of "
              + "32 random bytes); delete it to start a new one (the next apply then rewrites each secret once)");
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      file.toFile().setReadable(false, false);
      file.toFile().setReadable(true, true);
    }
  }
}
