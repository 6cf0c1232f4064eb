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
 * RSA or EC). Files are read when the client is built; a file that is missing or not what it should
 * be is a {@link ConfigurationException} naming the setting.
 *
 * @param caFile PEM CA bundle, empty for none
 * @param trustStore a truststore file, empty for none
 * @param trustStorePassword its password (may be empty)
 * @param certFile PEM client certificate (chain), empty for none
 * @param keyFile PEM PKCS#8 private key of {@code certFile}, empty for none
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
    if (!isCustom()) {
      return builder;
    }
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
            + " does not hold an unencrypted PKCS#8 private key (-----BEGIN PRIVATE KEY-----, RSA or EC)");
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
