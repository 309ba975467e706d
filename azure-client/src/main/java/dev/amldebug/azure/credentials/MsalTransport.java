package dev.amldebug.azure.credentials;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.util.Context;
import com.microsoft.aad.msal4j.HttpRequest;
import com.microsoft.aad.msal4j.HttpResponse;
import com.microsoft.aad.msal4j.IHttpClient;
import com.microsoft.aad.msal4j.IHttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** MSAL's HTTP over ours, so that sign-in uses the same proxy and CA bundle ({@code AML_DEBUG_CA_BUNDLE}) as every other call. */
final class MsalTransport implements IHttpClient {
    private final HttpClient transport;

    MsalTransport(HttpClient transport) {
        this.transport = transport;
    }

    @Override
    public IHttpResponse send(HttpRequest request) {
        HttpHeaders headers = new HttpHeaders();
        if (request.headers() != null) {
            request.headers().forEach(headers::set);
        }
        var outgoing = new com.azure.core.http.HttpRequest(HttpMethod.valueOf(request.httpMethod().name()), request.url(), headers);
        if (request.body() != null) {
            outgoing.setBody(request.body());
        }
        try (var answer = transport.sendSync(outgoing, Context.NONE)) {
            Map<String, List<String>> answerHeaders = new LinkedHashMap<>();
            answer.getHeaders().forEach(h -> answerHeaders.put(h.getName(), h.getValuesList()));
            HttpResponse response = new HttpResponse().statusCode(answer.getStatusCode()).body(answer.getBodyAsBinaryData().toString());
            response.addHeaders(answerHeaders);
            return response;
        }
    }
}
