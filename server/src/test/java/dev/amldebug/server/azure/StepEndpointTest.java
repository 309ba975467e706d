package dev.amldebug.server.azure;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StepEndpointTest {
    @Test
    void readsTheShimsMachineReadableLine() {
        assertThat(StepEndpoint.first("ip_address: 10.0.0.4\nAML_DEBUG_ENDPOINT {\"host\": \"10.0.0.4\", \"port\": 5678,"
                + " \"cwd\": \"/mnt/azureml/cr/j/abc/exe/wd\", \"pid\": 42}\n"))
                .contains(new StepEndpoint("10.0.0.4", 5678, "/mnt/azureml/cr/j/abc/exe/wd", 42, null, null));
    }

    @Test
    void readsTheRankOfEachProcessOfADistributedStep() {
        var endpoints = StepEndpoint.all("AML_DEBUG_ENDPOINT {\"host\": \"10.0.0.4\", \"port\": 5678, \"cwd\": \"/wd\", \"pid\": 7,"
                + " \"rank\": 0, \"node\": 0}\nhello\nAML_DEBUG_ENDPOINT {\"host\": \"10.0.0.4\", \"port\": 5679, \"cwd\": \"/wd\","
                + " \"pid\": 8, \"rank\": 1, \"node\": 0}\n");
        assertThat(endpoints).extracting(StepEndpoint::port).containsExactly(5678, 5679);
        assertThat(endpoints.get(1).processName()).isEqualTo("rank 1 (node 0)");
        assertThat(StepEndpoint.first("AML_DEBUG_ENDPOINT {\"host\": \"h\", \"port\": 1}").orElseThrow().processName()).isEmpty();
    }

    @Test
    void ignoresOtherLinesAndABrokenOne() {
        assertThat(StepEndpoint.in("Debugger attached = True")).isEmpty();
        assertThat(StepEndpoint.in("AML_DEBUG_ENDPOINT {\"host\": ")).isEmpty();
        assertThat(StepEndpoint.in("AML_DEBUG_ENDPOINT {\"port\": 1}")).isEmpty();
    }
}
