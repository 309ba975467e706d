package dev.amldebug.cli;

import static dev.amldebug.runner.testing.Projects.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled DistributedDataParallel example, for real: its PyTorch image is built from Debian's python3-torch the
 * first time (about 2 minutes here; the test removes it again), then 2 nodes x 2 processes train with gloo.
 */
@ExtendWith(DockerResources.class)
class DistributedExampleIT {
    @TempDir
    Path workspace;

    @Test
    void everyRankOfTheExampleCompletesAfterCheckingItsAllReduce() {
        Instant start = Instant.now();
        Cli run = Cli.run("run", "../examples/distributed/job.yml", "--folder", workspace.toString());
        System.out.println("examples/distributed (image build included) took " + Duration.between(start, Instant.now()));

        assertThat(run.exitCode).as(run.toString()).isZero();
        Matcher id = Pattern.compile("run: (\\S+)").matcher(run.out);
        assertThat(id.find()).isTrue();
        RunStore store = new RunStore(workspace);
        RunRecord record = store.read(id.group(1));
        assertThat(record.status).isEqualTo(RunStatus.Completed);
        for (int rank = 0; rank < 4; rank++) {
            assertThat(read(store.processLog(record.id, rank))).contains("rank " + rank + " of 4 (node " + rank / 2
                    + ", local rank " + rank % 2 + "): all_reduce sum = 10, as expected");
        }
        assertThat(read(store.processLog(record.id, 0))).contains("epoch 5: loss=").contains("final test_accuracy=");
        assertThat(store.outputs(record.id).resolve("model.pt")).isNotEmptyFile();
        assertThat(read(store.outputs(record.id).resolve("metrics.json"))).contains("\"world_size\": 4");
    }
}
