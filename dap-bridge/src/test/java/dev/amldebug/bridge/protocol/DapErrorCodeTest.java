package dev.amldebug.bridge.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.errors.AmlDebugException;
import java.io.IOException;
import org.junit.jupiter.api.Test;

class DapErrorCodeTest {
    @Test
    void mapsEachKindOfOurExceptionsToItsCode() {
        assertThat(DapErrorCode.of(AmlDebugException.badInput("x"))).isEqualTo(DapErrorCode.BAD_INPUT);
        assertThat(DapErrorCode.of(AmlDebugException.notFound("x"))).isEqualTo(DapErrorCode.NOT_FOUND);
        assertThat(DapErrorCode.of(AmlDebugException.environment("x", null))).isEqualTo(DapErrorCode.ENVIRONMENT);
    }

    @Test
    void anyOtherExceptionIsInternal() {
        assertThat(DapErrorCode.of(new IOException("x"))).isEqualTo(DapErrorCode.INTERNAL);
        assertThat(DapErrorCode.of(new IllegalStateException())).isEqualTo(DapErrorCode.INTERNAL);
    }

    @Test
    void errorResponsesCarryTheCodesId() {
        DapMessage error = DapMessages.error(5, 2, "launch", DapErrorCode.NOT_FOUND, "There is no run r1.");
        assertThat(error.get("body").get("error").get("id").asInt()).isEqualTo(1002);
        assertThat(error.get("body").get("error").get("format").asText()).isEqualTo("There is no run r1.");
    }
}
