package dev.amldebug.azure.http;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpClientProvider;
import com.azure.core.util.HttpClientOptions;

/**
 * Found by azure-core's ServiceLoader when a builder was given no client (azure-identity's inner ones):
 * the same transport, configured from the process environment.
 */
public final class JdkHttpTransportProvider implements HttpClientProvider {
    @Override
    public HttpClient createInstance() {
        return JdkHttpTransport.create(System.getenv(), HttpSettings.caBundle(System.getenv()));
    }

    @Override
    public HttpClient createInstance(HttpClientOptions options) {
        return createInstance();
    }
}
