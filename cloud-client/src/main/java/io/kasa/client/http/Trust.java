package io.kasa.client.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/**
 * The system trust store plus one certificate of the operator's: a self-hosted service with a
 * self-signed certificate is trusted without trusting everything. Host names are still checked.
 */
final class Trust {

  private Trust() {}

  /** Trusts what the system trusts, and chains ending in {@code certificate}. */
  static X509TrustManager systemPlus(Path certificate) {
    X509TrustManager system = manager(null);
    X509TrustManager own = manager(certificate);
    return new X509TrustManager() {
      @Override
      public void checkClientTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        system.checkClientTrusted(chain, authType);
      }

      @Override
      public void checkServerTrusted(X509Certificate[] chain, String authType)
          throws CertificateException {
        try {
          system.checkServerTrusted(chain, authType);
        } catch (CertificateException notBySystem) {
          own.checkServerTrusted(chain, authType);
        }
      }

      @Override
      public X509Certificate[] getAcceptedIssuers() {
        X509Certificate[] a = system.getAcceptedIssuers();
        X509Certificate[] b = own.getAcceptedIssuers();
        X509Certificate[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
      }
    };
  }

  static SSLSocketFactory socketFactory(X509TrustManager trust) {
    try {
      SSLContext ssl = SSLContext.getInstance("TLS");
      ssl.init(null, new TrustManager[] {trust}, null);
      return ssl.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("TLS is part of every JDK", e);
    }
  }

  /** The trust manager of the system's store (null) or of a store holding just {@code file}. */
  private static X509TrustManager manager(Path file) {
    try {
      KeyStore store = null;
      if (file != null) {
        store = KeyStore.getInstance(KeyStore.getDefaultType());
        store.load(null, null);
        try (InputStream in = Files.newInputStream(file)) {
          store.setCertificateEntry(
              "kasa-service", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
      }
      TrustManagerFactory f =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      f.init(store);
      for (TrustManager m : f.getTrustManagers()) {
        if (m instanceof X509TrustManager x) {
          return x;
        }
      }
      throw new IllegalStateException("No X.509 trust manager");
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the trusted certificate " + file, e);
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException("Not a certificate: " + file, e);
    }
  }
}
