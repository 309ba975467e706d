package dev.amldebug.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.distributed.DistributedRunIT;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.ConfigurationDoneArguments;
import org.eclipse.lsp4j.debug.DisconnectArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.StartDebuggingRequestArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A local 2 nodes x 2 processes job debugged through the debug hub: the ranks' own socket all_reduce proves they talk,
 * so a rank paused at a breakpoint holds the others in it. From the command line (the console takes each rank) and
 * through {@code aml-debug dap} with a client that answers startDebugging (a child session per rank, each in an
 * {@code aml-debug dap} process of its own).
 */
@ExtendWith(DockerResources.class)
class DistributedDebugIT {
    /** Line 21 of the script sends this rank's share; line 23 runs once the all_reduce is done. */
    private static final int BEFORE_ALL_REDUCE = 21;
    private static final int AFTER_ALL_REDUCE = 23;
    private static final Duration WAIT = Duration.ofSeconds(120);

    @TempDir
    Path workspace;
    @TempDir
    Path project;

    private Path job() {
        return DistributedCliIT.twoByTwo(project, DistributedRunIT.SOCKET_ALL_REDUCE);
    }

    @Test
    void debugRanksStopsOnlyThatRankWhileTheOthersWaitInTheAllReduceThenAllComplete() throws Exception {
        JarProcess run = JarProcess.start("run", job().toString(), "--debug-ranks", "1", "--break",
                "train.py:" + BEFORE_ALL_REDUCE, "--folder", workspace.toString());
        int exit = run.waitFor(240);

        String output = run.output();
        assertThat(exit).as(output).isZero();
        assertThat(output).contains("debug hub: ", "(1 ranks dial it", "rank 1 stopped at train.py:" + BEFORE_ALL_REDUCE,
                "[rank 3] rank 3: all_reduce sum = 10 (checked)", "[rank 1] rank 1: all_reduce sum = 10 (checked)",
                "Completed (exit code 0)");
        assertThat(output).doesNotContain("rank 0 stopped at", "rank 2 stopped at", "rank 3 stopped at");
        // The plain ranks could not finish before the paused one sent its share.
        assertThat(output.indexOf("rank 1 stopped at")).isLessThan(output.indexOf("[rank 0] rank 0: all_reduce sum"));
    }

    @Test
    void everyRankThroughTheHubStopsAtTheBreakpointWithItsLocals() throws Exception {
        JarProcess run = JarProcess.start("run", job().toString(), "--break", "train.py:" + AFTER_ALL_REDUCE,
                "--folder", workspace.toString());
        int exit = run.waitFor(240);

        String output = run.output();
        assertThat(exit).as(output).isZero();
        for (int rank = 0; rank < 4; rank++) {
            assertThat(output).contains("rank " + rank + " stopped at train.py:" + AFTER_ALL_REDUCE);
        }
        assertThat(output).contains("total = 10", "(4 ranks dial it", "Completed (exit code 0)");
    }

    @Test
    void postMortemHoldsTheRankThatRaisesWhereItRaisedThenTheJobFailsWithIt() throws Exception {
        String script = "import os\nif os.environ['RANK'] != '3':\n    raise SystemExit(0)\n"
                + dev.amldebug.runner.testing.FailingScript.DIVIDE;
        JarProcess run = JarProcess.start("run", DistributedCliIT.twoByTwo(project, script).toString(), "--post-mortem",
                "--post-mortem-timeout", "120", "--folder", workspace.toString());
        int exit = run.waitFor(240);

        String output = run.output();
        assertThat(exit).as(output).isEqualTo(1);
        // The failing function's line 2 is line 5 of this script.
        assertThat(output).contains("rank 3 stopped at train.py:5 in divide", "total = 0.75",
                "rank 3 failed first, with exit code 1", dev.amldebug.runner.testing.FailingScript.EXCEPTION);
        assertThat(output).doesNotContain("rank 0 stopped at", "rank 1 stopped at");
    }

    @Test
    void aDapClientThatAnswersStartDebuggingGetsAChildSessionPerRankEachInAnAdapterProcessOfItsOwn() throws Exception {
        Path jobFile = job();
        JarProcess adapter = JarProcess.startPiped("dap");
        try (DapTestClient parent = new DapTestClient(adapter.stdout(), adapter.stdin(), () -> adapter.waitFor(60))
                .waitingUpTo(WAIT)) {
            parent.initialize("azureml", true);
            parent.server.launch(Map.of("job", jobFile.toString(), "workspace", workspace.toString()));
            List<DapTestClient> children = new ArrayList<>();
            List<String> names = new ArrayList<>();
            while (children.size() < 4) {
                Object next = parent.awaitAny(StartDebuggingRequestArguments.class, DapTestClient.Initialized.class);
                if (next == DapTestClient.Initialized.EVENT) {
                    parent.server.configurationDone(new ConfigurationDoneArguments());
                    continue;
                }
                Map<String, ?> configuration = ((StartDebuggingRequestArguments) next).getConfiguration();
                names.add((String) configuration.get("name"));
                JarProcess childAdapter = JarProcess.startPiped("dap");
                DapTestClient child = new DapTestClient(childAdapter.stdout(), childAdapter.stdin(),
                        () -> childAdapter.waitFor(30)).waitingUpTo(WAIT);
                child.initialize("azureml", false);
                child.attach(configuration, project.resolve("train.py").toString(), AFTER_ALL_REDUCE);
                children.add(child);
            }
            assertThat(names).containsExactlyInAnyOrder("rank 0 (node 0)", "rank 1 (node 0)", "rank 2 (node 1)",
                    "rank 3 (node 1)");
            DapTestClient.continueEach(children);
            assertThat(parent.await(ExitedEventArguments.class).getExitCode()).isZero();
            parent.await(TerminatedEventArguments.class);
            parent.server.disconnect(new DisconnectArguments());
        }
    }

    @Test
    void aHubThatCannotOpenEndsTheRunAsFailedWithTheReason() throws Exception {
        // 192.0.2.1 (TEST-NET-1) is no address of this machine: the hub cannot listen there.
        JarProcess run = JarProcess.start(java.util.Map.of("AML_DEBUG_HOST_ADDRESS", "192.0.2.1"), "run", job().toString(),
                "--break", "train.py:" + AFTER_ALL_REDUCE, "--folder", workspace.toString());

        int exit = run.waitFor(120);

        String output = run.output();
        assertThat(exit).as(output).isEqualTo(ErrorReporter.ENVIRONMENT);
        assertThat(output).contains("Could not open the debug hub", "192.0.2.1", "AML_DEBUG_HOST_ADDRESS=192.0.2.1")
                .doesNotContain("\tat ");
        java.util.regex.Matcher id = java.util.regex.Pattern.compile("run: (\\S+)").matcher(output);
        assertThat(id.find()).as(output).isTrue();
        dev.amldebug.runner.run.RunRecord record = new dev.amldebug.runner.run.RunStore(workspace).read(id.group(1));
        assertThat(record.status).isEqualTo(dev.amldebug.runner.run.RunStatus.Failed);
        assertThat(record.error).contains("Could not open the debug hub");
    }
}
