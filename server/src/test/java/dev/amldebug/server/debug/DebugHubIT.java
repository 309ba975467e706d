package dev.amldebug.server.debug;

import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.LogCapture;
import dev.amldebug.bridge.console.ConsoleOptions;
import dev.amldebug.bridge.console.Location;
import dev.amldebug.runner.testing.DockerResources;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PipedReader;
import java.io.PipedWriter;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The debug hub with real debugpy: ranks in containers dial it through the shim's connect mode. */
@ExtendWith(DockerResources.class)
class DebugHubIT {
    static final String TRAIN = "import os\nrank = int(os.environ['RANK'])\nvalue = rank * 10\nprint('rank', rank, 'done', value)\n";
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path project;
    @TempDir
    Path cache;

    @Test
    void fourRanksStopInTheConsoleWhichListsSwitchesAndContinuesThemAll() throws Exception {
        write(project, "train.py", TRAIN);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // Shown as it comes too, for whoever reads a failed run's log.
        java.io.OutputStream both = new java.io.OutputStream() {
            @Override
            public synchronized void write(int b) {
                printed.write(b);
                System.out.write(b);
            }
        };
        PipedWriter typed = new PipedWriter();
        ConsoleOptions options = new ConsoleOptions(project, List.of(new Location(project.resolve("train.py"), 4)),
                Map.of("name", "aml-debug console"), true, false, new PrintStream(both, true, StandardCharsets.UTF_8),
                new BufferedReader(new PipedReader(typed)), args -> { });
        try (HubRanks ranks = new HubRanks(project, cache)) {
            // Each rank on its own here (StopTheWorldIT has them stop together).
            ranks.hub.stopAllRanks(false);
            CompletableFuture<OptionalInt> console = CompletableFuture.supplyAsync(() -> {
                try {
                    return new ConsoleSession(ranks.executor, DapTrace.NONE).debugRanks(ranks.hub,
                            ranks.pathMappings(), true, options, 4);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, ranks.executor);
            List<String> nodes = List.of(ranks.nodeWithToken(0, 2, "train.py"), ranks.nodeWithToken(1, 2, "train.py"));
            await().atMost(WAIT).until(() -> stops(printed) == 4);
            type(typed, "ranks");
            await().atMost(WAIT).until(() -> text(printed).matches("(?s).*\\s3\\s+1\\s+\\d+\\s+stopped at train.py:4.*"));
            assertThat(text(printed)).contains("rank 0 stopped at train.py:4 in <module>",
                    "rank 1 stopped at train.py:4 in <module>", "rank 2 stopped at train.py:4 in <module>",
                    "rank 3 stopped at train.py:4 in <module>", "rank   node   pid      state");
            type(typed, "rank 3");
            await().atMost(WAIT).until(() -> text(printed).contains("  value = 30\n(aml-debug rank 3) train.py:4 > "));
            type(typed, "p value * 2");
            await().atMost(WAIT).until(() -> text(printed).contains("60\n(aml-debug rank 3) train.py:4 > "));
            type(typed, "c");
            await().atMost(WAIT).until(() -> text(printed).contains("rank 3 ended"));
            type(typed, "c all");
            assertThat(console.get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)).isNotNull();
            assertThat(text(printed)).contains("continued 3 ranks");
            for (String node : nodes) {
                assertThat(ranks.exitCode(node)).as(ranks.logs(node)).isZero();
            }
            assertThat(ranks.logs(nodes.get(1))).contains("rank 2 done 20", "rank 3 done 30", "Debugger attached = True");
        }
    }

    @Test
    void aRankWithoutTheTokenOrWithAWrongOneIsRefusedAndRunsPlainlyAndNoLogHasAToken() throws Exception {
        write(project, "train.py", TRAIN);
        String wrong = "f".repeat(64);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            String[] nodes = new String[2];
            String hubLog = LogCapture.during(() -> {
                nodes[0] = ranks.node(0, 1, "train.py", null, "--wait-timeout 30");
                nodes[1] = ranks.node(1, 1, "train.py", wrong, "--wait-timeout 30");
                for (String node : nodes) {
                    assertThat(ranks.exitCode(node)).as(ranks.logs(node)).isZero();
                }
            });
            assertThat(ranks.hub.debuggees()).isEmpty();
            assertThat(hubLog).contains("refused a connection from", "it came without a token", "it came with a wrong token");
            for (String node : nodes) {
                assertThat(ranks.logs(node)).contains("aml_debug_shim: could not reach the debug hub at "
                        + ranks.gateway + ":" + ranks.hub.address().getPort()
                        + " (the hub refused this process: is AML_DEBUG_HUB_TOKEN this run's token?); running without"
                        + " a debugger.", "done").doesNotContain(wrong).doesNotContain(ranks.hub.token());
            }
            assertThat(hubLog).doesNotContain(wrong).doesNotContain(ranks.hub.token());
        }
    }

    @Test
    void theShimSaysSoInOneLineWhenTheHubCannotBeReachedThenRunsTheScriptOrAbortsAsAsked() throws Exception {
        write(project, "train.py", TRAIN);
        try (HubRanks ranks = new HubRanks(project, cache)) {
            String where = ranks.gateway + ":" + ranks.hub.address().getPort();
            ranks.hub.close();
            String runs = ranks.node(0, 1, "train.py", "x", "--wait-timeout 2");
            String aborts = ranks.node(1, 1, "train.py", "x", "--wait-timeout 2 --on-timeout abort");
            assertThat(ranks.exitCode(runs)).isZero();
            assertThat(ranks.logs(runs)).contains("aml_debug_shim: could not reach the debug hub at " + where,
                    "; running without a debugger.", "rank 0 done 0");
            assertThat(ranks.exitCode(aborts)).isEqualTo(86);
            assertThat(ranks.logs(aborts)).contains("aml_debug_shim: could not reach the debug hub at " + where,
                    "; aborting (exit code 86).").doesNotContain("done");
        }
    }

    private static long stops(ByteArrayOutputStream printed) {
        return java.util.regex.Pattern.compile("(?m)^rank \\d stopped at train.py:4 in <module>$").matcher(text(printed))
                .results().count();
    }

    private static String text(ByteArrayOutputStream printed) {
        return printed.toString(StandardCharsets.UTF_8);
    }

    private static void type(PipedWriter typed, String line) throws java.io.IOException {
        typed.write(line + "\n");
        typed.flush();
    }
}
