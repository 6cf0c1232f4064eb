package io.connectctl.facade.internal;

import java.io.IOException;
import java.net.Socket;
import java.net.SocketException;
import java.security.Principal;
import java.security.PrivateKey;
import java.security.cert.CertPathBuilderException;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLPeerUnverifiedException;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.X509ExtendedKeyManager;
import javax.net.ssl.X509ExtendedTrustManager;
import javax.net.ssl.X509KeyManager;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Response;

/**
 * Turns TLS failures into messages that say what is wrong and which setting fixes it, instead of
 * the JDK's internals ({@code PKIX path building failed: sun.security…}, {@code Received fatal
 * alert: bad_certificate}). As an interceptor of a client set up with {@link Tls} it rethrows each
 * TLS failure as a {@link TlsFailureException} carrying that message; its key manager notes which
 * servers asked for a client certificate, so that a connection such a server closes right after the
 * handshake (TLS 1.3 refuses client certificates after the client considers the handshake done)
 * still reads as a client-certificate problem.
 *
 * <p>Settings are named as the kafka-connect builder names them ({@code caFile}, {@code
 * trustStore}, {@code certFile}, {@code keyFile}); the CLI puts its context keys in their place.
 */
public final class TlsFailures implements Interceptor {
  /** TLS alerts a server sends about the client's certificate (or the lack of one). */
  private static final Pattern CLIENT_CERTIFICATE_ALERT =
      Pattern.compile(
          "Received fatal alert: (bad_certificate|certificate_required|certificate_unknown"
              + "|certificate_expired|certificate_revoked|unsupported_certificate|unknown_ca"
              + "|access_denied)");

  private static final Pattern DN = Pattern.compile("DN: ([^\\n]*)");
  private static final Pattern NAMES = Pattern.compile("subjectAltNames: \\[([^\\]]*)\\]");

  /** The settings in use; empty for a client without TLS settings of its own (the JVM's). */
  private final Optional<Tls> settings;

  /** {@code host:port} of the servers that asked for a client certificate in a handshake. */
  private final Set<String> askedForCertificate = ConcurrentHashMap.newKeySet();

  /** The issuers of chains that could not be trusted, by host:port, for the next message. */
  private final java.util.Map<String, String> untrustedIssuer = new ConcurrentHashMap<>();

  TlsFailures(Optional<Tls> settings) {
    this.settings = settings;
  }

  /** A rethrown failure with a plain message (still an {@link SSLException}, so not retried). */
  public static final class TlsFailureException extends SSLException {
    private static final long serialVersionUID = 1L;

    TlsFailureException(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @Override
  public Response intercept(Chain chain) throws IOException {
    HttpUrl url = chain.request().url();
    String server = url.host() + ":" + url.port();
    askedForCertificate.remove(server);
    try {
      return chain.proceed(chain.request());
    } catch (TlsFailureException e) {
      throw e;
    } catch (SSLException e) {
      throw new TlsFailureException(explain(e, server, askedForCertificate.contains(server)), e);
    } catch (IOException e) {
      if (url.isHttps() && askedForCertificate.contains(server) && closedConnection(e)) {
        throw new TlsFailureException(
            clientCertificate(server, "closed the connection (" + e.getMessage() + ")"), e);
      }
      throw e;
    }
  }

  /**
   * Whether {@code e} is the connection closing under the client: a reset or broken pipe, or (as
   * OkHttp 5 reports a TLS 1.3 server dropping the connection after the handshake) the answer
   * ending before it began. Timeouts are not.
   */
  private static boolean closedConnection(IOException e) {
    String message = e.getMessage() == null ? "" : e.getMessage();
    return e instanceof SocketException
        || e instanceof java.io.EOFException
        || message.startsWith("unexpected end of stream");
  }

  /**
   * What {@code e}, a TLS failure talking to {@code server} ({@code host:port}) by a client without
   * TLS settings of its own, means.
   */
  static String explainDefault(SSLException e, String server) {
    return new TlsFailures(Optional.empty()).explain(e, server, false);
  }

  /** What {@code e} means, in plain words, with the setting that fixes it. */
  String explain(SSLException e, String server, boolean askedForCertificate) {
    String message = String.valueOf(e.getMessage());
    if (e instanceof SSLPeerUnverifiedException && message.contains("not verified")) {
      return otherHost(message, server);
    }
    Optional<Throwable> expired = cause(e, CertificateExpiredException.class);
    if (expired.isPresent()) {
      return "TLS: the server's certificate has expired ("
          + expired.get().getMessage()
          + "); the server "
          + server
          + " needs a renewed certificate";
    }
    Optional<Throwable> notYet = cause(e, CertificateNotYetValidException.class);
    if (notYet.isPresent()) {
      return "TLS: the server's certificate is not valid yet ("
          + notYet.get().getMessage()
          + "); check the clocks of this machine and of "
          + server;
    }
    if (cause(e, CertPathBuilderException.class).isPresent()
        || cause(e, CertPathValidatorException.class).isPresent()) {
      return untrusted(server);
    }
    Matcher alert = CLIENT_CERTIFICATE_ALERT.matcher(message);
    if (alert.find()) {
      return clientCertificate(server, "sent the alert '" + alert.group(1) + "'");
    }
    if (askedForCertificate) {
      return clientCertificate(server, "ended the handshake (" + message + ")");
    }
    return "TLS handshake with " + server + " failed: " + message;
  }

  private String untrusted(String server) {
    String issuer = untrustedIssuer.remove(server);
    String certificate =
        issuer == null
            ? "the certificate of " + server
            : "the certificate of " + server + " (issued by " + issuer + ")";
    Optional<Tls> tls = settings;
    if (tls.isPresent() && tls.get().caFile().isPresent()) {
      return "TLS: "
          + certificate
          + " is not trusted: no CA in caFile "
          + tls.get().caFile().get()
          + " signed it; set caFile to the CA that signed it";
    }
    if (tls.isPresent() && tls.get().trustStore().isPresent()) {
      return "TLS: "
          + certificate
          + " is not trusted: no CA in trustStore "
          + tls.get().trustStore().get()
          + " signed it; set trustStore to one that holds the CA that signed it, or caFile to that CA";
    }
    return "TLS: "
        + certificate
        + " is not trusted: no CA in the JVM's default trust store signed it; "
        + (tls.isPresent()
            ? "set caFile to the CA that signed it"
            : "add the CA that signed it to the JVM's trust store");
  }

  private String clientCertificate(String server, String what) {
    Optional<java.nio.file.Path> certFile = settings.flatMap(Tls::certFile);
    if (certFile.isPresent()) {
      return "TLS: the server refused the client certificate in certFile "
          + certFile.get()
          + ": "
          + server
          + " "
          + what
          + "; the certificate must be signed by a CA the server trusts, be valid now and not be"
          + " revoked";
    }
    return "TLS: the server requires a client certificate and none is set: set certFile and keyFile"
        + " to a client certificate the server accepts and its key ("
        + server
        + " "
        + what
        + ")";
  }

  private static String otherHost(String message, String server) {
    String host = server.substring(0, server.lastIndexOf(':'));
    Matcher names = NAMES.matcher(message);
    Matcher dn = DN.matcher(message);
    return "TLS: the server's certificate is for another host name: "
        + host
        + " is not among its names ["
        + (names.find() ? names.group(1) : "")
        + "]"
        + (dn.find() ? " (" + dn.group(1).trim() + ")" : "")
        + "; use a URL whose host the certificate names, or have the certificate reissued for "
        + host;
  }

  private static Optional<Throwable> cause(Throwable e, Class<? extends Throwable> type) {
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (type.isInstance(t)) {
        return Optional.of(t);
      }
    }
    return Optional.empty();
  }

  /** {@code keys} (null for none), noting each server that asks for a client certificate. */
  KeyManager[] recording(KeyManager[] keys) {
    X509KeyManager inner = null;
    if (keys != null) {
      for (KeyManager key : keys) {
        if (key instanceof X509KeyManager x509) {
          inner = x509;
        }
      }
    }
    return new KeyManager[] {new Recording(inner)};
  }

  /** {@code trust}, noting the issuer of each server chain it refuses. */
  X509ExtendedTrustManager recording(X509TrustManager trust) {
    return new X509ExtendedTrustManager() {
      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket)
          throws CertificateException {
        try {
          if (trust instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, socket);
          } else {
            trust.checkServerTrusted(chain, authType);
          }
        } catch (CertificateException e) {
          if (socket instanceof SSLSocket ssl) {
            refused(ssl.getHandshakeSession(), chain);
          }
          throw e;
        }
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
          throws CertificateException {
        try {
          if (trust instanceof X509ExtendedTrustManager extended) {
            extended.checkServerTrusted(chain, authType, engine);
          } else {
            trust.checkServerTrusted(chain, authType);
          }
        } catch (CertificateException e) {
          refused(engine.getHandshakeSession(), chain);
          throw e;
        }
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        trust.checkServerTrusted(chain, authType);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket)
          throws CertificateException {
        trust.checkClientTrusted(chain, authType);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
          throws CertificateException {
        trust.checkClientTrusted(chain, authType);
      }

      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        trust.checkClientTrusted(chain, authType);
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        return trust.getAcceptedIssuers();
      }
    };
  }

  private void refused(SSLSession session, X509Certificate[] chain) {
    if (session != null && session.getPeerHost() != null && chain != null && chain.length > 0) {
      untrustedIssuer.put(
          session.getPeerHost() + ":" + session.getPeerPort(),
          chain[chain.length - 1].getIssuerX500Principal().getName());
    }
  }

  /** A key manager that notes the servers asking for a client certificate. */
  private final class Recording extends X509ExtendedKeyManager {
    private final X509KeyManager inner;

    Recording(X509KeyManager inner) {
      this.inner = inner;
    }

    private void asked(SSLSession session) {
      if (session != null && session.getPeerHost() != null) {
        askedForCertificate.add(session.getPeerHost() + ":" + session.getPeerPort());
      }
    }

    @Override
    public String chooseClientAlias(String[] keyType, Principal[] issuers, Socket socket) {
      if (socket instanceof SSLSocket ssl) {
        asked(ssl.getHandshakeSession());
      }
      return inner == null ? null : inner.chooseClientAlias(keyType, issuers, socket);
    }

    @Override
    public String chooseEngineClientAlias(String[] keyType, Principal[] issuers, SSLEngine engine) {
      asked(engine.getHandshakeSession());
      return inner instanceof X509ExtendedKeyManager extended
          ? extended.chooseEngineClientAlias(keyType, issuers, engine)
          : null;
    }

    @Override
    public String[] getClientAliases(String keyType, Principal[] issuers) {
      return inner == null ? null : inner.getClientAliases(keyType, issuers);
    }

    @Override
    public String[] getServerAliases(String keyType, Principal[] issuers) {
      return null;
    }

    @Override
    public String chooseServerAlias(String keyType, Principal[] issuers, Socket socket) {
      return null;
    }

    @Override
    public X509Certificate[] getCertificateChain(String alias) {
      return inner == null ? null : inner.getCertificateChain(alias);
    }

    @Override
    public PrivateKey getPrivateKey(String alias) {
      return inner == null ? null : inner.getPrivateKey(alias);
    }
  }
}
