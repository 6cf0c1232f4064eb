package io.connectctl.facade.testing;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A private PKI for TLS tests: CAs, server and client certificates (valid now, expired or for other
 * host names), their PEM files, and an HTTPS server on loopback that presents one certificate and
 * may require client certificates signed by a given CA.
 */
public final class TestPki {
  private static final AtomicLong SERIAL = new AtomicLong(System.nanoTime());

  /**
   * A few RSA key pairs made once and handed out in turn: making a 2048-bit pair takes seconds on a
   * busy machine, and certificates that differ in names, issuer and validity are what the tests
   * need.
   */
  private static final KeyPair[] KEYS = keyPairs(4);

  private TestPki() {}

  private static KeyPair[] keyPairs(int count) {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      KeyPair[] pairs = new KeyPair[count];
      for (int i = 0; i < count; i++) {
        pairs[i] = generator.generateKeyPair();
      }
      return pairs;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * A key pair and the certificate issued for it.
   *
   * @param keys the RSA key pair
   * @param certificate its certificate
   */
  public record Issued(KeyPair keys, X509Certificate certificate) {
    /** Writes the certificate as PEM to {@code file}. */
    public Path writeCertificate(Path file) {
      return write(file, pem("CERTIFICATE", encoded(certificate)));
    }

    /** Writes the private key as unencrypted PKCS#8 PEM ({@code BEGIN PRIVATE KEY}). */
    public Path writeKey(Path file) {
      return write(file, pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
    }

    /** Writes the private key as PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}), as older tools do. */
    public Path writeRsaKey(Path file) {
      try {
        byte[] pkcs1 =
            PrivateKeyInfo.getInstance(keys.getPrivate().getEncoded())
                .parsePrivateKey()
                .toASN1Primitive()
                .getEncoded();
        return write(file, pem("RSA PRIVATE KEY", pkcs1));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A self-signed CA valid from a minute ago for a day. */
  public static Issued ca(String name) {
    return issue(name, null, true, validNow(), List.of());
  }

  /**
   * A leaf certificate (server or client) signed by {@code issuer}, valid from a minute ago for a
   * day, for 127.0.0.1 and localhost.
   */
  public static Issued leaf(String subject, Issued issuer) {
    return issue(subject, issuer, false, validNow(), List.of("127.0.0.1", "localhost"));
  }

  /** From a minute ago for a day. */
  public static Instant[] validNow() {
    Instant now = Instant.now();
    return new Instant[] {now.minus(Duration.ofMinutes(1)), now.plus(Duration.ofDays(1))};
  }

  /**
   * A certificate.
   *
   * @param subject its common name
   * @param issuer the CA that signs it; null for self-signed
   * @param ca whether it is a CA
   * @param validity not before and not after
   * @param names its subject alternative names: IP addresses (digits and dots) or DNS names
   */
  public static Issued issue(
      String subject, Issued issuer, boolean ca, Instant[] validity, List<String> names) {
    try {
      KeyPair keys = KEYS[(int) (SERIAL.get() % KEYS.length)];
      X500Name name = new X500Name("CN=" + subject);
      var builder =
          new JcaX509v3CertificateBuilder(
              issuer == null
                  ? name
                  : new X500Name(issuer.certificate().getSubjectX500Principal().getName()),
              BigInteger.valueOf(SERIAL.incrementAndGet()),
              Date.from(validity[0]),
              Date.from(validity[1]),
              name,
              keys.getPublic());
      builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(ca));
      if (!names.isEmpty()) {
        List<GeneralName> general = new ArrayList<>();
        for (String n : names) {
          general.add(
              new GeneralName(
                  n.matches("[0-9.]+") ? GeneralName.iPAddress : GeneralName.dNSName, n));
        }
        builder.addExtension(
            Extension.subjectAlternativeName,
            false,
            new GeneralNames(general.toArray(new GeneralName[0])));
      }
      PrivateKey signer = issuer == null ? keys.getPrivate() : issuer.keys().getPrivate();
      X509Certificate certificate =
          new JcaX509CertificateConverter()
              .getCertificate(
                  builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(signer)));
      return new Issued(keys, certificate);
    } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
      throw new IllegalStateException("cannot issue a test certificate", e);
    }
  }

  /** {@code der} as PEM of {@code type} ({@code CERTIFICATE}, {@code PRIVATE KEY} …). */
  public static String pem(String type, byte[] der) {
    return "-----BEGIN "
        + type
        + "-----\n"
        + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
        + "\n-----END "
        + type
        + "-----\n";
  }

  /**
   * An HTTPS server on a free loopback port presenting {@code server} (with {@code serverCa} in its
   * chain); when {@code clientCa} is given it requires a client certificate signed by that CA. The
   * caller stops it ({@code stop(0)}).
   */
  public static HttpsServer httpsServer(
      Issued serverCa, Issued server, Issued clientCa, HttpHandler handler) {
    try {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(null, null);
      keyStore.setKeyEntry(
          "server",
          server.keys().getPrivate(),
          new char[0],
          new Certificate[] {server.certificate(), serverCa.certificate()});
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore, new char[0]);
      KeyStore trustStore = KeyStore.getInstance("PKCS12");
      trustStore.load(null, null);
      trustStore.setCertificateEntry("ca", (clientCa == null ? serverCa : clientCa).certificate());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trustStore);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), trust.getTrustManagers(), null);
      HttpsServer https =
          HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      https.setHttpsConfigurator(
          new HttpsConfigurator(context) {
            @Override
            public void configure(HttpsParameters params) {
              SSLParameters parameters = context.getDefaultSSLParameters();
              parameters.setNeedClientAuth(clientCa != null);
              params.setSSLParameters(parameters);
            }
          });
      https.createContext("/", handler);
      https.start();
      return https;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("cannot start the test HTTPS server", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code https://127.0.0.1:PORT} of {@code server}. */
  public static String url(HttpsServer server) {
    return "https://127.0.0.1:" + server.getAddress().getPort();
  }

  private static byte[] encoded(X509Certificate certificate) {
    try {
      return certificate.getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path write(Path file, String text) {
    try {
      return Files.writeString(file, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
