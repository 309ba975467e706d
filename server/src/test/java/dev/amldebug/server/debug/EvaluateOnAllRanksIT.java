package dev.amldebug.server.debug;

import static dev.amldebug.runner.testing.Crc.filled;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.console.Location;
import dev.amldebug.runner.testing.Crc;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.TorchImage;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code p all EXPR} in the console on real debugpy ranks in containers: the expression's fingerprint in the top frame
 * of every paused rank, the one that differs marked. The torch ranks run the distributed example's image (Debian's
 * python3-torch), built before any test's label is set: like any environment image it stays, cached by its hash.
 */
@ExtendWith(DockerResources.class)
class EvaluateOnAllRanksIT {
    private static final String VALUES = """
            import os, threading
            import numpy as np
            rank = int(os.environ['RANK'])
            value = 7 if rank == 2 else 1
            weights = np.ones(3, dtype=np.float32) * value
            if rank == 3:
                threading.Event().wait()
            print('rank', rank, 'done')
            """;
    private static final String TENSORS = """
            import os
            import torch, torch.distributed as dist
            rank = int(os.environ['RANK'])
            dist.init_process_group('gloo', rank=rank, world_size=int(os.environ['WORLD_SIZE']))
            weights = torch.ones(3, 4)
            dist.all_reduce(weights)
            if rank == 2:
                weights[1, 2] += 1
            loss = weights.sum() / 48
            print('rank', rank, 'done', loss.item(), flush=True)
            """;
    private static String torchImage;

    @TempDir
    Path project;
    @TempDir
    Path cache;

    @BeforeAll
    static void torchImage() {
        torchImage = TorchImage.tag();
    }

    @Test
    void theRankWhoseValueDiffersIsMarkedAndARunningRankIsListedNotEvaluated() throws Exception {
        write(project, "train.py", VALUES);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            // Rank 3 runs on while the others are stopped.
            ranks.hub.stopAllRanks(false);
            ConsoleOnHub console = new ConsoleOnHub(ranks, project, new Location(project.resolve("train.py"), 8), 4);
            ranks.nodeWithToken(0, 2, "train.py");
            ranks.nodeWithToken(1, 2, "train.py");
            console.awaitText(text -> count(text, "^rank \\d stopped at train.py:8 in <module>$") == 3 && text.endsWith(" > "));
            console.type("p all value");
            console.awaitText(text -> text.contains("rank 3 is running\n"));
            assertThat(console.text()).contains("""
                    rank  node  value
                    0     0     1
                    1     0     1
                    2     1     7  (differs)
                    3     1     running, not evaluated
                    2 of 3 paused ranks agree; rank 2 differs; rank 3 is running
                    """);

            console.type("p all weights");
            console.awaitText(text -> count(text, "rank 2 differs; rank 3 is running$") == 2);
            assertThat(console.text()).contains("0     0     ndarray[3] float32 crc=" + Crc.ofFloats(filled(3, 1f)) + "\n",
                    "2     1     ndarray[3] float32 crc=" + Crc.ofFloats(filled(3, 7f)) + "  (differs)\n");

            console.type("p all missing");
            console.awaitText(text -> text.contains("all 3 paused ranks agree; rank 3 is running"));
            assertThat(console.text()).contains("0     0     error: NameError: name 'missing' is not defined\n");
            console.type("q");
            console.end();
        }
    }

    @Test
    void torchRanksCompareATensorByShapeDtypeAndChecksumAndShowAScalarsValue() throws Exception {
        write(project, "train.py", TENSORS);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            ranks.hub.stopAllRanks(false);
            ConsoleOnHub console = new ConsoleOnHub(ranks, project, new Location(project.resolve("train.py"), 10), 4);
            List<String> rendezvous = List.of("MASTER_ADDR=" + ranks.host(0), "MASTER_PORT=29500", "WORLD_SIZE=4");
            List<String> nodes = List.of(
                    ranks.node(0, 2, "train.py", ranks.hub.token(), "--wait-timeout 60", torchImage, rendezvous),
                    ranks.node(1, 2, "train.py", ranks.hub.token(), "--wait-timeout 60", torchImage, rendezvous));
            console.awaitText(text -> count(text, "^rank \\d stopped at train.py:10 in <module>$") == 4 && text.endsWith(" > "));
            console.type("p all weights");
            console.awaitText(text -> text.contains("3 of 4 ranks agree; rank 2 differs\n"));
            float[] drifted = filled(12, 4f);
            drifted[6] = 5f;
            String same = "Tensor[3, 4] float32 cpu crc=" + Crc.ofFloats(filled(12, 4f));
            assertThat(console.text()).contains("rank  node  value\n0     0     " + same + "\n1     0     " + same + "\n"
                    + "2     1     Tensor[3, 4] float32 cpu crc=" + Crc.ofFloats(drifted) + "  (differs)\n3     1     " + same + "\n");

            console.type("p all loss");
            console.awaitText(text -> count(text, "^3 of 4 ranks agree; rank 2 differs$") == 2);
            assertThat(console.text()).contains("1     0     Tensor[] float32 cpu value=1.0 crc=" + Crc.ofFloats(1f) + "\n",
                    "2     1     Tensor[] float32 cpu value=1.0208333730697632 crc=" + Crc.ofFloats(49f / 48f)
                            + "  (differs)\n");
            console.type("c all");
            assertThat(console.end()).isNotNull();
            for (String node : nodes) {
                assertThat(ranks.exitCode(node)).as(ranks.logs(node)).isZero();
            }
        }
    }

    private static long count(String text, String regex) {
        return Pattern.compile("(?m)" + regex).matcher(text).results().count();
    }
}
