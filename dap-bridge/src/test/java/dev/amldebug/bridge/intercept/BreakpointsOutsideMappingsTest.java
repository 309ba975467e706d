package dev.amldebug.bridge.intercept;

import static dev.amldebug.bridge.intercept.FakeSession.message;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.protocol.DapMessage;
import org.junit.jupiter.api.Test;

class BreakpointsOutsideMappingsTest {
    private final BreakpointsOutsideMappings interceptor = new BreakpointsOutsideMappings();

    private static DapMessage setBreakpoints(String path) {
        return message("{\"seq\":7,\"type\":\"request\",\"command\":\"setBreakpoints\",\"arguments\":{\"source\":{\"path\":\""
                + path + "\"},\"breakpoints\":[{\"line\":3},{\"line\":9}]}}");
    }

    @Test
    void aBreakpointInTheMappedFolderGoesToDebugpy() {
        FakeSession session = new FakeSession().withTarget();
        DapMessage inside = setBreakpoints("/local/code/train/train.py");
        assertThat(interceptor.fromClient(inside, session)).isEqualTo(Verdict.forward(inside));
        assertThat(session.toClient).isEmpty();
    }

    @Test
    void aBreakpointOutsideEveryMappedFolderIsAnsweredUnverifiedWithTheReason() {
        FakeSession session = new FakeSession().withTarget();
        assertThat(interceptor.fromClient(setBreakpoints("/local/other/tests/test_x.py"), session)).isEqualTo(Verdict.drop());
        assertThat(session.toClient).singleElement().satisfies(answer -> {
            assertThat(answer.get("request_seq").asInt()).isEqualTo(7);
            assertThat(answer.get("success").asBoolean()).isTrue();
            assertThat(answer.get("body").get("breakpoints")).hasSize(2).allSatisfy(breakpoint -> {
                assertThat(breakpoint.get("verified").asBoolean()).isFalse();
                assertThat(breakpoint.get("message").asText()).contains("/local/code");
            });
            assertThat(answer.get("body").get("breakpoints").get(1).get("line").asInt()).isEqualTo(9);
        });
    }

    @Test
    void aFolderThatOnlyBeginsLikeTheMappedOneIsOutsideIt() {
        FakeSession session = new FakeSession().withTarget();
        assertThat(interceptor.fromClient(setBreakpoints("/local/code-old/train.py"), session)).isEqualTo(Verdict.drop());
    }

    @Test
    void theClientsOwnMappingsDecide() {
        FakeSession session = new FakeSession().withTarget();
        interceptor.fromClient(message("{\"seq\":2,\"type\":\"request\",\"command\":\"attach\",\"arguments\":"
                + "{\"pathMappings\":[{\"localRoot\":\"/elsewhere/src\",\"remoteRoot\":\".\"}]}}"), session);
        DapMessage inside = setBreakpoints("/elsewhere/src/spread.py");
        assertThat(interceptor.fromClient(inside, session)).isEqualTo(Verdict.forward(inside));
        assertThat(interceptor.fromClient(setBreakpoints("/local/code/train.py"), session)).isEqualTo(Verdict.drop());
    }

    @Test
    void aClientThatSaysNoMappingsGetsNoneOfTheTargets() {
        // As AttachDefaults reads it: "pathMappings": [] is given, so the target's are not added, nor checked here.
        FakeSession session = new FakeSession().withTarget();
        interceptor.fromClient(message("{\"seq\":2,\"type\":\"request\",\"command\":\"attach\",\"arguments\":"
                + "{\"pathMappings\":[]}}"), session);
        DapMessage byContainerPath = setBreakpoints("/aml/code/loop.py");
        assertThat(interceptor.fromClient(byContainerPath, session)).isEqualTo(Verdict.forward(byContainerPath));
    }

    @Test
    void withoutMappingsEveryBreakpointGoesThrough() {
        FakeSession session = new FakeSession();
        DapMessage any = setBreakpoints("/anywhere/x.py");
        assertThat(interceptor.fromClient(any, session)).isEqualTo(Verdict.forward(any));
    }
}
