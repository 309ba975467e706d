package dev.amldebug.server.run;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.amldebug.errors.AmlDebugException;
import dev.amldebug.runner.run.RunKind;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runs a debugger cannot join later, each refused in one sentence before anything is asked of Docker. */
class RunTargetsTest {
    @TempDir
    Path workspace;

    @Test
    void aDistributedRunStartedWithoutDebugSaysToStartItWithDebug() {
        assertThatThrownBy(() -> targetOf(running(RunKind.distributed, "127.0.0.1:1")))
                .isInstanceOf(AmlDebugException.class)
                .hasMessage("Run r1 is a distributed run started without --debug, and a debugger joins only a single"
                        + " container's run later; start it with --debug to debug its ranks.");
    }

    @Test
    void aDeploymentStartedWithoutDebugSaysHowToBringItUpForDebugging() {
        assertThatThrownBy(() -> targetOf(running(RunKind.deployment, null)))
                .hasMessageStartingWith("Deployment r1 was not started for debugging; bring it up with"
                        + " 'aml-debug deploy up ... --debug'");
    }

    @Test
    void aPipelineSaysToAttachToOneOfItsSteps() {
        assertThatThrownBy(() -> targetOf(running(RunKind.pipeline, null)))
                .hasMessage("Run r1 is a pipeline; attach to one of its steps (aml-debug runs show r1 lists them).");
    }

    @Test
    void aRunWithoutAnAttachEndpointSaysToStartItWithDebug() {
        assertThatThrownBy(() -> targetOf(running(RunKind.command, null)))
                .hasMessageEndingWith("start it with 'aml-debug run ... --debug' to attach a debugger.");
    }

    private RunStore running(RunKind kind, String attachEndpoint) {
        RunStore store = new RunStore(workspace);
        RunRecord record = new RunRecord();
        record.id = "r1";
        record.kind = kind;
        record.experiment = "e";
        record.status = RunStatus.Running;
        record.createdAt = Instant.now();
        record.codeDir = workspace.toString();
        record.attachEndpoint = attachEndpoint;
        store.create(record);
        return store;
    }

    private static void targetOf(RunStore store) {
        new RunTargets(() -> {
            throw new AssertionError("Docker is not needed to refuse");
        }, store, id -> { }).forRun("r1", true);
    }
}
