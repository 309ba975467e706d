package dev.amldebug.azure.http;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

/** The JDK's trusted roots plus the certificates of a PEM bundle (AML_DEBUG_CA_BUNDLE): added, never replacing. */
final class TrustBundle {
    private TrustBundle() {
    }

    static SSLContext sslContext(Path pemBundle) {
        try {
            if (pemBundle == null) {
                return SSLContext.getDefault();
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int index = 0;
            for (X509Certificate root : defaultTrustManager().getAcceptedIssuers()) {
                store.setCertificateEntry("jdk-" + index++, root);
            }
            for (Certificate certificate : readPem(pemBundle)) {
                store.setCertificateEntry("bundle-" + index++, certificate);
            }
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw AmlDebugException.badInput("The CA bundle " + pemBundle + " (AML_DEBUG_CA_BUNDLE) cannot be read as PEM"
                    + " certificates: point it at a PEM file of your network's root certificates.");
        }
    }

    private static Collection<? extends Certificate> readPem(Path pemBundle) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(pemBundle)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509").generateCertificates(in);
            if (certificates.isEmpty()) {
                throw new IOException("no certificate");
            }
            return certificates;
        }
    }

    private static X509TrustManager defaultTrustManager() throws GeneralSecurityException {
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init((KeyStore) null);
        for (TrustManager manager : factory.getTrustManagers()) {
            if (manager instanceof X509TrustManager x509) {
                return x509;
            }
        }
        throw new GeneralSecurityException("no default X.509 trust manager");
    }
}
