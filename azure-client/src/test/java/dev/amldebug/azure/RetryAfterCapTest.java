package dev.amldebug.azure;

import static org.assertj.core.api.Assertions.assertThat;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipeline;
import com.azure.core.http.HttpPipelineBuilder;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** An answer that asks to wait 100000 s before a retry is told the cap: the command waits that, not a day. */
class RetryAfterCapTest {
    @Test
    @org.junit.jupiter.api.Timeout(60)
    void aRetryAfterOverTheCapIsBoundedAndTheRetryHappensWithinIt() {
        AtomicInteger calls = new AtomicInteger();
        HttpPipeline pipeline = new HttpPipelineBuilder()
                .httpClient(request -> Mono.just(calls.incrementAndGet() == 1
                        ? answer(request, 429, new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "100000"))
                        : answer(request, 200, new HttpHeaders())))
                .policies(new com.azure.core.http.policy.RetryPolicy(Pipelines.retryOptions()),
                        new RetryAfterCap(Duration.ofSeconds(1)))
                .build();

        long started = System.nanoTime();
        HttpResponse response = pipeline.sendSync(new HttpRequest(HttpMethod.GET, "https://management.azure.com/x"),
                com.azure.core.util.Context.NONE);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(calls.get()).isEqualTo(2);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(30));
    }

    @Test
    void readsEachWayAzureSaysHowLongToWait() {
        assertThat(RetryAfterCap.asked(new HttpHeaders().set(HttpHeaderName.RETRY_AFTER, "7"))).hasSeconds(7);
        assertThat(RetryAfterCap.asked(new HttpHeaders().set(HttpHeaderName.fromString("retry-after-ms"), "1500")))
                .isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfterCap.asked(new HttpHeaders().set(HttpHeaderName.RETRY_AFTER,
                "Wed, 21 Oct 2015 07:28:00 GMT"))).isNull();
        assertThat(RetryAfterCap.asked(new HttpHeaders())).isNull();
    }

    private static HttpResponse answer(HttpRequest request, int status, HttpHeaders headers) {
        return new HttpResponse(request) {
            @Override
            public int getStatusCode() {
                return status;
            }

            @Override
            @Deprecated
            public String getHeaderValue(String name) {
                return headers.getValue(HttpHeaderName.fromString(name));
            }

            @Override
            public HttpHeaders getHeaders() {
                return headers;
            }

            @Override
            public Flux<ByteBuffer> getBody() {
                return Flux.empty();
            }

            @Override
            public Mono<byte[]> getBodyAsByteArray() {
                return Mono.just(new byte[0]);
            }

            @Override
            public Mono<String> getBodyAsString() {
                return Mono.just("");
            }

            @Override
            public Mono<String> getBodyAsString(Charset charset) {
                return Mono.just("");
            }
        };
    }
}
