package dev.amldebug.server.debug;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.console.Location;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stop-the-world with real debugpy: four ranks in two containers dial the hub; only rank 1 reaches the breakpoint,
 * and the other three, busy in a loop, are paused by their debug shims through the ranks' line.
 */
@ExtendWith(DockerResources.class)
class StopTheWorldIT {
    static final String LOOP = """
            import os, time
            rank = int(os.environ['RANK'])
            count = 0
            for step in range(200):
                count += 1
                time.sleep(0.05)
                if rank == 1 and step == 20:
                    held = step
            print('rank', rank, 'counted', count, flush=True)
            """;
    private static final Pattern PAUSED = Pattern.compile("(?m)^rank [023] paused at train\\.py:\\d in <module>"
            + " \\(stop-the-world\\)$");

    @TempDir
    Path project;
    @TempDir
    Path cache;

    @Test
    void whenRankOneStopsTheOthersPauseWhereTheyAreAndOneContinueRunsThemAll() throws Exception {
        write(project, "train.py", LOOP);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            ConsoleOnHub console = new ConsoleOnHub(ranks, project, new Location(project.resolve("train.py"), 8), 4);
            List<String> nodes = List.of(ranks.nodeWithToken(0, 2, "train.py"), ranks.nodeWithToken(1, 2, "train.py"));
            try {
                console.awaitText(text -> text.contains("rank 1 stopped at train.py:8 in <module>")
                        && PAUSED.matcher(text).results().count() == 3);
            } catch (org.awaitility.core.ConditionTimeoutException e) {
                throw new AssertionError(ranks.logs(nodes.get(0)) + ranks.logs(nodes.get(1)), e);
            }
            console.type("ranks");
            console.awaitText(text -> text.contains("(stop-the-world)\n") && text.matches(
                    "(?s).*\\s0\\s+0\\s+\\d+\\s+stopped at train.py:\\d, paused \\d+ s \\(stop-the-world\\).*"));
            assertThat(console.text()).containsPattern("\\s1\\s+0\\s+\\d+\\s+stopped at train.py:8, paused \\d+ s\n");
            console.type("c");
            console.awaitText(text -> text.contains("continued 4 ranks (stop-the-world)"));
            assertThat(console.end()).isNotNull();
            for (String node : nodes) {
                assertThat(ranks.exitCode(node)).as(ranks.logs(node)).isZero();
            }
            assertThat(ranks.logs(nodes.get(0))).contains("rank 0 counted 200", "rank 1 counted 200");
        }
    }

    @Test
    void withStopAllOffTheOtherRanksRunOnAndEnd() throws Exception {
        write(project, "train.py", LOOP);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            ranks.hub.stopAllRanks(false);
            ConsoleOnHub console = new ConsoleOnHub(ranks, project, new Location(project.resolve("train.py"), 8), 2);
            String node = ranks.nodeWithToken(0, 2, "train.py");
            console.awaitText(text -> text.contains("rank 1 stopped at train.py:8 in <module>"));
            console.awaitText(text -> text.contains("rank 0 ended"));
            assertThat(ranks.logs(node)).contains("rank 0 counted 200").doesNotContain("rank 1 counted");
            assertThat(PAUSED.matcher(console.text()).find()).isFalse();
            console.type("c");
            assertThat(console.end()).isNotNull();
            assertThat(ranks.exitCode(node)).as(ranks.logs(node)).isZero();
        }
    }
}
