package dev.amldebug.azure.http;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.errors.AmlDebugException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import com.azure.core.exception.ClientAuthenticationException;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;

/**
 * JSON over one azure-core pipeline. Statuses >= 400 that the caller did not accept become the
 * sentences of {@link AzureErrors}; so does a request that got no answer.
 */
public final class Rest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpPipeline pipeline;
    private final String workspace;

    /** {@code workspace}: the data plane's workspace name, for the private-link sentence; null for ARM. */
    public Rest(HttpPipeline pipeline, String workspace) {
        this.pipeline = pipeline;
        this.workspace = workspace;
    }

    public Rest forWorkspace(String workspaceName) {
        return new Rest(pipeline, workspaceName);
    }

    /** The pipeline under this client, for azure-core's own machinery (its long-running operation pollers). */
    public HttpPipeline pipeline() {
        return pipeline;
    }

    public JsonNode get(URI url, What what) {
        return send(HttpMethod.GET, url, null, Map.of(), what).json();
    }

    public RestResponse send(HttpMethod method, URI url, JsonNode body, Map<String, String> headers, What what,
            int... accepted) {
        HttpRequest request = new HttpRequest(method, url.toString());
        headers.forEach((name, value) -> request.setHeader(HttpHeaderName.fromString(name), value));
        if (body != null) {
            request.setHeader(HttpHeaderName.CONTENT_TYPE, "application/json");
            request.setBody(bytes(body));
        }
        if (method != HttpMethod.HEAD) {
            request.setHeader(HttpHeaderName.ACCEPT, "application/json");
        }
        try (HttpResponse response = pipeline.sendSync(request, Context.NONE)) {
            int status = response.getStatusCode();
            byte[] content = response.getBodyAsBinaryData().toBytes();
            if (status >= 400 && Arrays.stream(accepted).noneMatch(ok -> ok == status)) {
                throw AzureErrors.fromResponse(status, content, what, workspace);
            }
            return new RestResponse(status, response.getHeaders(), content);
        } catch (AmlDebugException e) {
            throw e;
        } catch (ClientAuthenticationException e) {
            throw AmlDebugException.environment(AzureErrors.NOT_SIGNED_IN, null);
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof AnswerTooLargeException) {
                throw AmlDebugException.environment("Azure answered for " + what.description() + " with more than "
                        + (AnswerTooLargeException.MAX_BYTES >> 20) + " MB, which is no answer of Azure ML's: check"
                        + " that no proxy stands in the way (HTTPS_PROXY), then try again.", null);
            }
            throw AzureErrors.unreachable(url, e, what, workspace);
        } catch (RuntimeException e) {
            if (e.getCause() instanceof IOException) {
                throw AzureErrors.unreachable(url, e, what, workspace);
            }
            throw e;
        }
    }

    private static byte[] bytes(JsonNode body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("unserialisable request body", e);
        }
    }
}
