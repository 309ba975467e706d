package dev.amldebug.runner.distributed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.spec.Distribution;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class NodePlanTest {
    private static final List<String> COMMAND = List.of("/bin/sh", "-c", "cd src && python train.py --lr 'a b'");
    private static final Distribution TWO_BY_TWO = Distribution.processes(Distribution.Type.pytorch, 2, 2);

    private JsonNode plan(int node, RankDebug debug) throws Exception {
        return new ObjectMapper().readTree(NodePlan.json(TWO_BY_TWO, node, COMMAND, debug));
    }

    @Test
    void eachProcessOfTheNodeHasItsRankCommandAndEnvironment() throws Exception {
        JsonNode plan = plan(1, null);

        assertThat(plan.get("node").asInt()).isEqualTo(1);
        assertThat(plan.get("processes")).hasSize(2);
        JsonNode second = plan.get("processes").get(1);
        assertThat(second.get("rank").asInt()).isEqualTo(3);
        assertThat(second.get("argv").toString()).isEqualTo("[\"/bin/sh\",\"-c\",\"cd src && python train.py --lr 'a b'\"]");
        assertThat(second.get("env").get("LOCAL_RANK").asText()).isEqualTo("1");
    }

    @Test
    void debuggedRanksRunUnderThePrefixWithTheirOwnEnvironment() throws Exception {
        RankDebug debug = new RankDebug(Set.of(2), List.of("python3", "/aml/debug/aml_debug_shim.py", "--connect",
                "host.docker.internal:7000", "--"), Map.of("AML_DEBUG_HUB_TOKEN", "t0ken"), List.of());

        JsonNode processes = plan(1, debug).get("processes");

        assertThat(processes.get(0).get("argv").get(2).asText()).isEqualTo("cd src && python3 /aml/debug/aml_debug_shim.py"
                + " --connect host.docker.internal:7000 -- train.py --lr 'a b'");
        assertThat(processes.get(0).get("env").get("AML_DEBUG_HUB_TOKEN").asText()).isEqualTo("t0ken");
        assertThat(processes.get(1).get("argv").get(2).asText()).isEqualTo(COMMAND.get(2));
        assertThat(processes.get(1).get("env").has("AML_DEBUG_HUB_TOKEN")).isFalse();
    }

    @Test
    void aPrefixReplacesPythonInAnArgvCommandToo() {
        assertThat(RankCommand.of(List.of("python", "train.py", "-x"), List.of("/bin/sh", "wrap.sh")))
                .containsExactly("/bin/sh", "wrap.sh", "train.py", "-x");
    }

    @Test
    void debuggingARankWhoseCommandRunsNoPythonIsBadInput() {
        assertThatThrownBy(() -> RankCommand.of(List.of("/bin/sh", "-c", "./train.sh"), List.of("x")))
                .isInstanceOf(AmlDebugException.class).hasMessageContaining("needs the job's command to run Python");
    }
}
