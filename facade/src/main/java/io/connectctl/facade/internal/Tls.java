package io.connectctl.facade.internal;

import io.connectctl.facade.Vendor;
import io.connectctl.facade.errors.ConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.OkHttpClient;

/**
 * TLS settings for a server with a private CA and, optionally, client certificates (mutual TLS).
 *
 * <p>Trust: a PEM bundle of CA certificates ({@code caFile}) or a Java truststore (PKCS12 or JKS,
 * with its password); without either the JDK's default trust applies. Client identity: a PEM
 * certificate chain and its unencrypted PKCS#8 private key ({@code -----BEGIN PRIVATE KEY-----},
 * RSA or EC; an RSA key in PKCS#1 form, {@code -----BEGIN RSA PRIVATE KEY-----}, is read too).
 * Files are read when the client is built; a file that is missing or not what it should be is a
 * {@link ConfigurationException} naming the setting.
 *
 * @param caFile PEM CA bundle, empty for none
 * @param trustStore a truststore file, empty for none
 * @param trustStorePassword its password (may be empty)
 * @param certFile PEM client certificate (chain), empty for none
 * @param keyFile PEM PKCS#8 (or PKCS#1 RSA) private key of {@code certFile}, empty for none
 */
public record Tls(
    Optional<Path> caFile,
    Optional<Path> trustStore,
    String trustStorePassword,
    Optional<Path> certFile,
    Optional<Path> keyFile) {
  /** No TLS settings: the JDK's defaults. */
  public static final Tls DEFAULTS =
      new Tls(Optional.empty(), Optional.empty(), "", Optional.empty(), Optional.empty());

  private static final Pattern PEM =
      Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]+)-----END \\1-----");

  /** Replaces absent values. */
  public Tls {
    caFile = caFile == null ? Optional.empty() : caFile;
    trustStore = trustStore == null ? Optional.empty() : trustStore;
    trustStorePassword = trustStorePassword == null ? "" : trustStorePassword;
    certFile = certFile == null ? Optional.empty() : certFile;
    keyFile = keyFile == null ? Optional.empty() : keyFile;
  }

  /** Whether anything differs from the JDK's defaults. */
  public boolean isCustom() {
    return caFile.isPresent()
        || trustStore.isPresent()
        || certFile.isPresent()
        || keyFile.isPresent();
  }

  /**
   * Checks the settings and applies them to {@code builder} (nothing when {@link #isCustom()} is
   * false).
   *
   * @throws ConfigurationException naming {@code caFile}, {@code trustStore}, {@code certFile} or
   *     {@code keyFile}
   */
  public OkHttpClient.Builder apply(Vendor vendor, OkHttpClient.Builder builder) {
    return isCustom() ? setUp(vendor, builder, null) : builder;
  }

  /**
   * As {@link #apply}, and TLS failures then read as plain messages naming the setting that fixes
   * them ({@link TlsFailures}).
   *
   * @param defaultsToo whether to set TLS up even without settings of its own (the JDK's trust and
   *     no client certificate), so that a server asking for a client certificate is noticed; false
   *     when the caller supplied the TLS set-up (its own OkHttp client) or no URL is https
   */
  public OkHttpClient.Builder install(
      Vendor vendor, OkHttpClient.Builder builder, boolean defaultsToo) {
    TlsFailures failures = new TlsFailures(Optional.of(this));
    builder.addInterceptor(failures);
    return isCustom() || defaultsToo ? setUp(vendor, builder, failures) : builder;
  }

  private OkHttpClient.Builder setUp(
      Vendor vendor, OkHttpClient.Builder builder, TlsFailures failures) {
    if (caFile.isPresent() && trustStore.isPresent()) {
      throw new ConfigurationException(
          vendor, "caFile", "give either a CA file or a truststore, not both");
    }
    if (certFile.isPresent() != keyFile.isPresent()) {
      throw new ConfigurationException(
          vendor,
          certFile.isPresent() ? "keyFile" : "certFile",
          "a client certificate needs its private key and the key its certificate: give both certFile and keyFile");
    }
    try {
      X509TrustManager trust = trustManager(vendor);
      KeyManager[] keys = keyManagers(vendor);
      if (failures != null) {
        trust = failures.recording(trust);
        keys = failures.recording(keys);
      }
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys, new TrustManager[] {trust}, new SecureRandom());
      return builder.sslSocketFactory(context.getSocketFactory(), trust);
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(vendor, "tls", "cannot set up TLS: " + e.getMessage());
    }
  }

  private X509TrustManager trustManager(Vendor vendor) throws GeneralSecurityException {
    KeyStore store = null;
    if (caFile.isPresent()) {
      List<X509Certificate> cas = certificates(vendor, "caFile", caFile.get());
      store = KeyStore.getInstance(KeyStore.getDefaultType());
      try {
        store.load(null, null);
      } catch (IOException e) {
        throw new GeneralSecurityException(e);
      }
      for (int i = 0; i < cas.size(); i++) {
        store.setCertificateEntry("ca-" + i, cas.get(i));
      }
    } else if (trustStore.isPresent()) {
      store = loadStore(vendor, trustStore.get());
    }
    TrustManagerFactory factory =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    factory.init(store);
    for (TrustManager manager : factory.getTrustManagers()) {
      if (manager instanceof X509TrustManager x509) {
        return x509;
      }
    }
    throw new GeneralSecurityException("no X.509 trust manager available");
  }

  private KeyStore loadStore(Vendor vendor, Path file) throws GeneralSecurityException {
    byte[] bytes = read(vendor, "trustStore", file);
    char[] password = trustStorePassword.toCharArray();
    for (String type : List.of("PKCS12", "JKS")) {
      try (InputStream in = new ByteArrayInputStream(bytes)) {
        KeyStore store = KeyStore.getInstance(type);
        store.load(in, password);
        return store;
      } catch (IOException | GeneralSecurityException e) {
        // try the next type
      }
    }
    throw new ConfigurationException(
        vendor,
        "trustStore",
        "trustStore "
            + file
            + " is not a PKCS12 or JKS truststore that opens with the given password");
  }

  private KeyManager[] keyManagers(Vendor vendor) throws GeneralSecurityException {
    if (certFile.isEmpty()) {
      return null;
    }
    List<X509Certificate> chain = certificates(vendor, "certFile", certFile.get());
    PrivateKey key = privateKey(vendor, keyFile.get());
    KeyStore store = KeyStore.getInstance("PKCS12");
    try {
      store.load(null, null);
    } catch (IOException e) {
      throw new GeneralSecurityException(e);
    }
    char[] password = new char[0];
    try {
      store.setKeyEntry("client", key, password, chain.toArray(new Certificate[0]));
    } catch (GeneralSecurityException e) {
      throw new ConfigurationException(
          vendor,
          "keyFile",
          "keyFile "
              + keyFile.get()
              + " does not belong to the certificate in "
              + certFile.get()
              + ": "
              + e.getMessage());
    }
    KeyManagerFactory factory =
        KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    factory.init(store, password);
    return factory.getKeyManagers();
  }

  private static List<X509Certificate> certificates(Vendor vendor, String setting, Path file) {
    byte[] bytes = read(vendor, setting, file);
    try {
      Collection<? extends Certificate> parsed =
          CertificateFactory.getInstance("X.509")
              .generateCertificates(new ByteArrayInputStream(bytes));
      List<X509Certificate> out = new ArrayList<>();
      for (Certificate c : parsed) {
        out.add((X509Certificate) c);
      }
      if (out.isEmpty()) {
        throw new GeneralSecurityException("no certificate found");
      }
      return out;
    } catch (GeneralSecurityException | ClassCastException e) {
      throw new ConfigurationException(
          vendor,
          setting,
          setting + " " + file + " does not hold PEM certificates (-----BEGIN CERTIFICATE-----)");
    }
  }

  private static PrivateKey privateKey(Vendor vendor, Path file) {
    String text = new String(read(vendor, "keyFile", file), StandardCharsets.US_ASCII);
    Matcher pem = PEM.matcher(text);
    while (pem.find()) {
      String type = pem.group(1);
      if (type.equals("PRIVATE KEY")) {
        byte[] der = Base64.getMimeDecoder().decode(pem.group(2));
        for (String algorithm : List.of("RSA", "EC", "Ed25519")) {
          try {
            return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
          } catch (GeneralSecurityException e) {
            // try the next algorithm
          }
        }
      } else if (type.equals("RSA PRIVATE KEY")) {
        byte[] pkcs1 = Base64.getMimeDecoder().decode(pem.group(2));
        try {
          return KeyFactory.getInstance("RSA")
              .generatePrivate(new PKCS8EncodedKeySpec(pkcs8OfRsa(pkcs1)));
        } catch (GeneralSecurityException e) {
          throw new ConfigurationException(
              vendor,
              "keyFile",
              "keyFile "
                  + file
                  + " holds an RSA PRIVATE KEY that cannot be read ("
                  + e.getMessage()
                  + "); convert it with 'openssl pkcs8 -topk8 -nocrypt -in KEY'");
        }
      } else if (type.contains("PRIVATE KEY")) {
        throw new ConfigurationException(
            vendor,
            "keyFile",
            "keyFile "
                + file
                + " holds a '"
                + type
                + "'; give an unencrypted PKCS#8 key (-----BEGIN PRIVATE KEY-----), e.g. from "
                + "'openssl pkcs8 -topk8 -nocrypt -in KEY'");
      }
    }
    throw new ConfigurationException(
        vendor,
        "keyFile",
        "keyFile "
            + file
            + " does not hold an unencrypted PKCS#8 private key (-----BEGIN PRIVATE KEY-----, RSA or EC);"
            + " convert it with 'openssl pkcs8 -topk8 -nocrypt -in KEY'");
  }

  /** The DER prefix of a PKCS#8 RSA key: version 0 and the rsaEncryption algorithm (no params). */
  private static final byte[] RSA_ALGORITHM = {
    0x02,
    0x01,
    0x00,
    0x30,
    0x0d,
    0x06,
    0x09,
    0x2a,
    (byte) 0x86,
    0x48,
    (byte) 0x86,
    (byte) 0xf7,
    0x0d,
    0x01,
    0x01,
    0x01,
    0x05,
    0x00
  };

  /** A PKCS#1 RSA private key ({@code BEGIN RSA PRIVATE KEY}) wrapped as PKCS#8. */
  static byte[] pkcs8OfRsa(byte[] pkcs1) {
    byte[] octets = der(0x04, pkcs1);
    byte[] body = new byte[RSA_ALGORITHM.length + octets.length];
    System.arraycopy(RSA_ALGORITHM, 0, body, 0, RSA_ALGORITHM.length);
    System.arraycopy(octets, 0, body, RSA_ALGORITHM.length, octets.length);
    return der(0x30, body);
  }

  /** A DER element: {@code tag}, the definite length, {@code content}. */
  private static byte[] der(int tag, byte[] content) {
    int length = content.length;
    int lengthBytes = length < 0x80 ? 0 : length < 0x100 ? 1 : length < 0x10000 ? 2 : 3;
    byte[] out = new byte[2 + lengthBytes + length];
    out[0] = (byte) tag;
    if (lengthBytes == 0) {
      out[1] = (byte) length;
    } else {
      out[1] = (byte) (0x80 | lengthBytes);
      for (int i = 0; i < lengthBytes; i++) {
        out[2 + i] = (byte) (length >> (8 * (lengthBytes - 1 - i)));
      }
    }
    System.arraycopy(content, 0, out, 2 + lengthBytes, length);
    return out;
  }

  private static byte[] read(Vendor vendor, String setting, Path file) {
    if (!Files.isReadable(file)) {
      throw new ConfigurationException(
          vendor,
          setting,
          setting + " " + file + (Files.exists(file) ? " cannot be read" : " does not exist"));
    }
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ConfigurationException(
          vendor, setting, setting + " " + file + " cannot be read: " + e.getMessage());
    }
  }
}
