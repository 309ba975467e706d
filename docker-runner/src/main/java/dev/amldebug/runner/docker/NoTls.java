package dev.amldebug.runner.docker;

import com.github.dockerjava.transport.SSLConfig;
import java.security.KeyManagementException;
import java.security.NoSuchAlgorithmException;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/**
 * For an engine reached without TLS (a Unix socket, plain tcp): the transport insists on an
 * SSL context, and the JVM's default one reads the whole system trust store (~50 ms of every
 * command's start). This one trusts nothing and is never used.
 */
final class NoTls implements SSLConfig {
    @Override
    public SSLContext getSSLContext() throws KeyManagementException, NoSuchAlgorithmException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(new KeyManager[0], new TrustManager[0], null);
        return context;
    }
}
