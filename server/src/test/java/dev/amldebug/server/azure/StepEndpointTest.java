package dev.amldebug.server.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepEndpointTest {
    @Test
    void readsTheShimsMachineReadableLine() {
        assertThat(StepEndpoint.first("ip_address: 10.0.0.4\nAML_DEBUG_ENDPOINT {\"host\": \"10.0.0.4\", \"port\": 5678,"
                + " \"cwd\": \"/mnt/azureml/cr/j/abc/exe/wd\", \"pid\": 42}\n"))
                .contains(new StepEndpoint("10.0.0.4", 5678, "/mnt/azureml/cr/j/abc/exe/wd", 42));
    }

    @Test
    void ignoresOtherLinesAndABrokenOne() {
        assertThat(StepEndpoint.in("Debugger attached = True")).isEmpty();
        assertThat(StepEndpoint.in("AML_DEBUG_ENDPOINT {\"host\": ")).isEmpty();
        assertThat(StepEndpoint.in("AML_DEBUG_ENDPOINT {\"port\": 1}")).isEmpty();
    }
}
