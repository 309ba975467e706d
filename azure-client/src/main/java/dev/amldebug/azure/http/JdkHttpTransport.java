package dev.amldebug.azure.http;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import reactor.core.publisher.Mono;
import com.azure.core.http.HttpHeaderName;
import java.io.InputStream;

/**
 * azure-core's {@link HttpClient} on the JDK's own java.net.http client. azure-core-http-jdk-httpclient is not
 * served by the registry here, and netty costs start time; this is the same idea in one small class.
 */
public final class JdkHttpTransport implements HttpClient {
    /** Headers the JDK client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host", "upgrade");
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(5);

    private final java.net.http.HttpClient client;

    private JdkHttpTransport(java.net.http.HttpClient client) {
        this.client = client;
    }

    /** Honours HTTPS_PROXY/NO_PROXY and adds a PEM bundle (may be null) to the trusted roots. */
    public static JdkHttpTransport create(Map<String, String> env, Path caBundle) {
        java.net.http.HttpClient.Builder builder = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30))
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
                .sslContext(TrustBundle.sslContext(caBundle));
        ProxyRoute.fromEnvironment(env).ifPresent(route -> {
            builder.proxy(route);
            String user = route.options().getUsername();
            if (user != null) {
                char[] password = route.options().getPassword() == null ? new char[0] : route.options().getPassword().toCharArray();
                builder.authenticator(new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return getRequestorType() == RequestorType.PROXY ? new PasswordAuthentication(user, password) : null;
                    }
                });
            }
        });
        return new JdkHttpTransport(builder.build());
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request) {
        return Mono.fromCallable(() -> sendSync(request, Context.NONE));
    }

    @Override
    public Mono<HttpResponse> send(HttpRequest request, Context context) {
        return Mono.fromCallable(() -> sendSync(request, context));
    }

    @Override
    public HttpResponse sendSync(HttpRequest request, Context context) {
        java.net.http.HttpRequest.Builder builder;
        try {
            builder = java.net.http.HttpRequest.newBuilder(request.getUrl().toURI())
                    .timeout(REQUEST_TIMEOUT)
                    .method(request.getHttpMethod().name(), publisher(request.getBodyAsBinaryData()));
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("not a URI: " + Redaction.redact(request.getUrl().toString()));
        }
        for (HttpHeader header : request.getHeaders()) {
            if (!RESTRICTED.contains(header.getName().toLowerCase(Locale.ROOT))) {
                for (String value : header.getValuesList()) {
                    builder.header(header.getName(), value);
                }
            }
        }
        try {
            java.net.http.HttpResponse<InputStream> response = client.send(builder.build(),
                    BodyHandlers.ofInputStream());
            return new JdkHttpResponse(request, response.statusCode(), headers(response.headers().map()),
                    bounded(response.body()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a body whole, up to {@link AnswerTooLargeException#MAX_BYTES}: no answer may take the memory. */
    private static byte[] bounded(InputStream body) throws IOException {
        try (body) {
            byte[] read = body.readNBytes(AnswerTooLargeException.MAX_BYTES + 1);
            if (read.length > AnswerTooLargeException.MAX_BYTES) {
                throw new AnswerTooLargeException();
            }
            return read;
        }
    }

    private static BodyPublisher publisher(BinaryData body) {
        if (body == null) {
            return BodyPublishers.noBody();
        }
        Long length = body.getLength();
        if (length == null) {
            return BodyPublishers.ofByteArray(body.toBytes());
        }
        if (length == 0) {
            return BodyPublishers.noBody();
        }
        return BodyPublishers.fromPublisher(BodyPublishers.ofInputStream(body::toStream), length);
    }

    private static HttpHeaders headers(Map<String, List<String>> raw) {
        HttpHeaders headers = new HttpHeaders();
        raw.forEach((name, values) -> {
            if (!name.startsWith(":")) {
                headers.set(HttpHeaderName.fromString(name), values);
            }
        });
        return headers;
    }
}
