package dev.amldebug.runner.distributed;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.spec.Distribution;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RankEnvironmentTest {
    @Test
    void pytorchProcessesGetTheTorchDistributedVariables() {
        Map<String, String> env = RankEnvironment.of(Distribution.processes(Distribution.Type.pytorch, 2, 2), 1, 1);

        assertThat(env).containsEntry("MASTER_ADDR", "node-0").containsEntry("MASTER_PORT", "6105")
                .containsEntry("WORLD_SIZE", "4").containsEntry("NODE_RANK", "1").containsEntry("RANK", "3")
                .containsEntry("LOCAL_RANK", "1").containsEntry("LOCAL_WORLD_SIZE", "2")
                .doesNotContainKeys("OMPI_COMM_WORLD_RANK", "TF_CONFIG");
    }

    @Test
    void mpiProcessesAlsoGetOpenMpisRankVariables() {
        Map<String, String> env = RankEnvironment.of(Distribution.processes(Distribution.Type.mpi, 3, 2), 2, 0);

        assertThat(env).containsEntry("OMPI_COMM_WORLD_RANK", "4").containsEntry("OMPI_COMM_WORLD_SIZE", "6")
                .containsEntry("OMPI_COMM_WORLD_LOCAL_RANK", "0").containsEntry("OMPI_COMM_WORLD_LOCAL_SIZE", "2")
                .containsEntry("OMPI_COMM_WORLD_NODE_RANK", "2").containsEntry("RANK", "4");
    }

    @Test
    void tensorflowProcessesGetTfConfigWithTheirTask() {
        Distribution distribution = Distribution.tensorflow(2, 2, 1);

        assertThat(RankEnvironment.of(distribution, 1, 0).get("TF_CONFIG")).isEqualTo("{\"cluster\": {\"worker\":"
                + " [\"node-0:2222\", \"node-0:2223\"], \"ps\": [\"node-1:2222\"]}, \"task\": {\"type\": \"ps\","
                + " \"index\": 0}}");
        assertThat(RankEnvironment.of(distribution, 0, 1).get("TF_CONFIG")).endsWith("\"task\": {\"type\": \"worker\","
                + " \"index\": 1}}");
        assertThat(RankEnvironment.of(distribution, 1, 0)).containsEntry("LOCAL_WORLD_SIZE", "1");
    }
}
