package io.connectctl.cli.vendors;

import io.connectctl.cli.CliException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One key a context of the config file may set for a vendor, declared in that vendor's {@link
 * VendorDescription}: how its value reads from the file, what it is when absent and, for a key that
 * is also a target flag ({@code --NAME LABEL}), the flag's label and help. The value read lands in
 * the {@link io.connectctl.cli.config.Target} under {@link #name()}; the vendor reads it back with
 * {@link io.connectctl.cli.config.Target#get(ContextKey)}.
 *
 * <p>Two vendors may declare a key of the same name (both {@code cluster}); the flag {@code --NAME}
 * is then one flag whose help joins theirs. A key every vendor shares with the same meaning is one
 * constant, such as {@link #URL}.
 *
 * @param <T> the type of the value
 */
public final class ContextKey<T> {

  /** Reads the value of a key from the parsed YAML. */
  @FunctionalInterface
  public interface Reader<T> {
    /**
     * @param where the file and context, for messages ({@code Config file F, context 'C'})
     * @param raw the value as YAML parsed it (a scalar, list or mapping; null when empty)
     * @throws CliException (exit 2) naming the key when the value does not fit
     */
    T read(String where, Object raw);
  }

  /** {@code url}: the API base URL, a key and flag of every vendor. */
  public static final ContextKey<String> URL = flag("url", "URL", "API base URL");

  /**
   * {@code allow-insecure-http: true}: lets plain {@code http://} to a host other than loopback
   * carry the context's credentials (the flag {@code --allow-insecure-http} does the same for one
   * run). Without credentials plain http needs no opt-in.
   */
  public static final ContextKey<Boolean> ALLOW_INSECURE_HTTP =
      fileOnly(
          "allow-insecure-http", false, (where, raw) -> bool(where, "allow-insecure-http", raw));

  /**
   * {@code request-timeout: 30s}: how long one request to this context may take before it is given
   * up (the client's read and call timeout); {@link java.time.Duration#ZERO} when not set, which
   * keeps the clients' defaults. The flag {@code --request-timeout} sets it for one run.
   */
  public static final ContextKey<java.time.Duration> REQUEST_TIMEOUT =
      fileOnly(
          "request-timeout",
          java.time.Duration.ZERO,
          (where, raw) -> requestTimeout(where + ", key 'request-timeout'", raw));

  private final String name;
  private final T absent;
  private final Reader<T> reader;
  private final String label;
  private final String help;
  private final String yieldsTo;
  private final String setting;
  private final String fileKey;

  private ContextKey(
      String name, T absent, Reader<T> reader, String label, String help, String yieldsTo) {
    this(name, absent, reader, label, help, yieldsTo, null, name);
  }

  private ContextKey(
      String name,
      T absent,
      Reader<T> reader,
      String label,
      String help,
      String yieldsTo,
      String setting,
      String fileKey) {
    this.name = Objects.requireNonNull(name, "name");
    this.absent = Objects.requireNonNull(absent, "absent");
    this.reader = Objects.requireNonNull(reader, "reader");
    this.label = label;
    this.help = help;
    this.yieldsTo = yieldsTo;
    this.setting = setting;
    this.fileKey = Objects.requireNonNull(fileKey, "fileKey");
  }

  /**
   * A key holding one value that is also the target flag {@code --NAME LABEL}; empty when absent.
   *
   * @param name the key, and the flag without its {@code --}
   * @param label the flag's value label ({@code URL}, {@code ID} …), also shown when an ad-hoc
   *     target misses a required flag
   * @param help the flag's help, without the final period; a key only one vendor has starts with
   *     that vendor's name ({@code "Yandex: the IAM token endpoint"})
   */
  public static ContextKey<String> flag(String name, String label, String help) {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(help, "help");
    return new ContextKey<>(name, "", (where, raw) -> scalar(where, name, raw), label, help, null);
  }

  /**
   * A key of the config file only (no flag).
   *
   * @param name the key
   * @param absent the value when the context does not set it
   * @param reader reads the value, failing with a message that names the key
   */
  public static <T> ContextKey<T> fileOnly(String name, T absent, Reader<T> reader) {
    return new ContextKey<>(name, absent, reader, null, null, null);
  }

  /**
   * This key, dropped from a context when the flag {@code --OTHER} is given: the flag replaces both
   * (for example {@code --url} replaces a context's {@code urls} as well as its {@code url}).
   */
  public ContextKey<T> yieldingTo(ContextKey<String> other) {
    return new ContextKey<>(name, absent, reader, label, help, other.name(), setting, fileKey);
  }

  /**
   * This flag, standing for the facade builder's setting {@code setting} and written in the config
   * file as {@code fileKey} inside another key (e.g. {@code --ca-file}: the setting {@code caFile},
   * the file's {@code tls.ca-file}); it is not a key of its own in the file. The facade's messages
   * naming the setting are shown with the key and the flag in its place ({@link
   * VendorDescription#inContextTerms}).
   */
  public ContextKey<T> forSetting(String setting, String fileKey) {
    return new ContextKey<>(
        name,
        absent,
        reader,
        label,
        help,
        yieldsTo,
        Objects.requireNonNull(setting, "setting"),
        fileKey);
  }

  /** Whether the key is written in the config file under its own name (not inside another key). */
  public boolean inFile() {
    return fileKey.equals(name);
  }

  /** The facade builder setting the key stands for, if it names one ({@link #forSetting}). */
  public Optional<String> setting() {
    return Optional.ofNullable(setting);
  }

  /**
   * How a message names the key: the config file's key and the flag, {@code tls.ca-file
   * (--ca-file)}.
   */
  public String shownAs() {
    return isFlag() ? fileKey + " (--" + name + ")" : fileKey;
  }

  /** The key, as written in the config file. */
  public String name() {
    return name;
  }

  /** The value when a context does not set the key. */
  public T absent() {
    return absent;
  }

  /** Reads the key's value; {@code where} names the file and context. */
  public T read(String where, Object raw) {
    return reader.read(where, raw);
  }

  /** Whether the key is also the target flag {@code --NAME}. */
  public boolean isFlag() {
    return label != null;
  }

  /** The flag's value label, for a key that is a flag. */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** The flag's help (without the final period), for a key that is a flag. */
  public Optional<String> help() {
    return Optional.ofNullable(help);
  }

  /** The flag whose value replaces this key's, if any. */
  public Optional<String> yieldsTo() {
    return Optional.ofNullable(yieldsTo);
  }

  @Override
  public String toString() {
    return name;
  }

  /** A positive duration such as {@code 30s}; anything else is an error naming the key. */
  public static java.time.Duration requestTimeout(String what, Object raw) {
    try {
      return requestTimeout(raw);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("Invalid value for " + what + ": " + e.getMessage());
    }
  }

  /**
   * {@code raw} as a request timeout, a duration longer than 0.
   *
   * @throws IllegalArgumentException saying why it is not one, without naming where it came from
   *     (picocli's converters and {@link #requestTimeout(String, Object)} add that)
   */
  public static java.time.Duration requestTimeout(Object raw) {
    if (raw instanceof Map || raw instanceof List || raw == null) {
      throw new IllegalArgumentException("must be a duration such as 30s");
    }
    String text = String.valueOf(raw);
    java.time.Duration value =
        io.connectctl.cli.Durations.read(text)
            .orElseThrow(
                () -> new IllegalArgumentException(io.connectctl.cli.Durations.notADuration(text)));
    if (value.isZero() || value.isNegative()) {
      throw new IllegalArgumentException("must be longer than 0 (e.g. 30s)");
    }
    return value;
  }

  /** {@code true} or {@code false}; anything else is an error naming the key. */
  private static Boolean bool(String where, String key, Object raw) {
    if (raw instanceof Boolean value) {
      return value;
    }
    throw CliException.usage(
        where + ", key '" + key + "': must be true or false, was '" + raw + "'");
  }

  /** One scalar value; a list or mapping is an error naming the key, an empty value is empty. */
  private static String scalar(String where, String key, Object raw) {
    if (raw instanceof Map || raw instanceof List) {
      throw CliException.usage(where + ", key '" + key + "': must be a single value");
    }
    return raw == null ? "" : String.valueOf(raw);
  }
}
