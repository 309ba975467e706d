package dev.amldebug.azure.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.azure.core.http.HttpHeaders;
import dev.amldebug.errors.AmlDebugException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** An answer that is not the JSON it should be gets one sentence, never a parser's message. */
class RestResponseTest {
    @Test
    void aCaptivePortalsPageSaysWhatStoodInTheWay() {
        RestResponse portal = answer("<!DOCTYPE html><html><body>Please sign in to the hotel Wi-Fi</body></html>");

        assertThatThrownBy(portal::json).isInstanceOf(AmlDebugException.class)
                .hasMessageStartingWith("Azure's answer was a web page, not JSON: a proxy, captive portal or firewall")
                .hasMessageNotContaining("Unexpected character");
    }

    @Test
    void aTruncatedAnswerSaysItWasCutOff() {
        RestResponse cut = answer("{\"value\": [{\"name\": \"job-1\", \"properties\": {\"status\": \"Runn");

        assertThatThrownBy(cut::json).isInstanceOf(AmlDebugException.class)
                .hasMessageStartingWith("Azure's answer was not whole JSON").hasMessageNotContaining("JsonEOF");
    }

    @Test
    void wholeJsonReads() {
        assertThat(answer("{\"a\": 1}").json().get("a").asInt()).isEqualTo(1);
    }

    private static RestResponse answer(String body) {
        return new RestResponse(200, new HttpHeaders(), body.getBytes(StandardCharsets.UTF_8));
    }
}
