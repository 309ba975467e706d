package dev.amldebug.runner.debug;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunEvent;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.runner.testing.FailingScript;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shim's --post-mortem under real debugpy: a failure waits for a debugger, a chosen exit does not. */
@ExtendWith(DockerResources.class)
class PostMortemIT {
    @TempDir
    Path workspace;
    @TempDir
    Path project;

    private LocalRunner runner;

    @BeforeEach
    void setUp(@TempDir Path cache) {
        runner = new LocalRunner(docker(), new RunStore(workspace), new ImageUsage(cache));
    }

    private LocalRun start(Path script, DebugOptions options, RunListener listener) {
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(script, null, List.of());
        return runner.start(runner.queue(spec), spec, StartOptions.debug(options), listener);
    }

    private String driverLog(RunRecord record) {
        return read(runner.store().driverLog(record.id));
    }

    @Test
    void aFailureWaitsForADebuggerThatStopsWhereItWasRaisedThenExitsWithTheScriptsCode() throws Exception {
        CompletableFuture<RunEvent.PostMortemWaiting> waiting = new CompletableFuture<>();
        LocalRun run = start(write(project, "train.py", FailingScript.DIVIDE), DebugOptions.postMortemOnly(120), new RunListener() {
            @Override
            public void event(RunEvent event) {
                if (event instanceof RunEvent.PostMortemWaiting postMortem) {
                    waiting.complete(postMortem);
                }
            }
        });
        RunEvent.PostMortemWaiting event = waiting.get(60, TimeUnit.SECONDS);
        assertThat(event.exception()).isEqualTo(FailingScript.EXCEPTION);
        assertThat(event.timeoutSeconds()).isEqualTo(120);
        assertThat(event.debugEndpoint()).isEqualTo(run.record().debugEndpoint);
        assertThat(runner.store().read(run.id())).satisfies(record -> {
            assertThat(record.status).isEqualTo(RunStatus.Running);
            assertThat(record.postMortem).isEqualTo(event.exception());
        });
        String[] endpoint = event.debugEndpoint().split(":");
        try (DapTestClient dap = DapTestClient.initialized(endpoint[0], Integer.parseInt(endpoint[1]), Duration.ofSeconds(30))) {
            dap.attach(Map.of("justMyCode", true), "/aml/code/train.py");
            StoppedEventArguments stopped = dap.await(StoppedEventArguments.class);
            assertThat(stopped.getReason()).isEqualTo("exception");
            int thread = stopped.getThreadId();
            StackFrame[] frames = dap.stackTrace(thread);
            assertThat(ShimProbes.frames(frames)).containsExactly("divide /aml/code/train.py:2", "train /aml/code/train.py:8",
                    "<module> /aml/code/train.py:11");
            assertThat(dap.locals(frames[0])).contains("count = 0", "total = 0.75");
            assertThat(dap.locals(frames[1])).contains("epochs = 2", "losses = [0.5, 0.25]");
            dap.resume(thread);
        }
        RunRecord ended = run.await();
        assertThat(ended.status).isEqualTo(RunStatus.Failed);
        assertThat(ended.exitCode).isEqualTo(1);
        assertThat(driverLog(ended)).contains("Waiting for a debugger to inspect ZeroDivisionError: float division by zero"
                + " (post-mortem, 120 s)", "Traceback (most recent call last):", "line 2, in divide")
                .doesNotContain("aml_debug_shim", "aml_debug_postmortem");
    }

    @Test
    void whenTheWaitRunsOutTheScriptEndsWithItsOwnExitCodeAndTraceback() throws Exception {
        RunRecord ended = start(write(project, "train.py", FailingScript.DIVIDE), DebugOptions.postMortemOnly(1), RunListener.NONE).await();
        assertThat(ended.exitCode).isEqualTo(1);
        assertThat(driverLog(ended)).contains("(post-mortem, 1 s)", "No debugger attached within 1 s (post-mortem)",
                FailingScript.EXCEPTION);
    }

    @Test
    void aScriptThatExitsNormallyOrChoosesItsExitCodeIsNotHeld() throws Exception {
        RunRecord completed = start(write(project, "fine.py", "print('fine')\n"), DebugOptions.postMortemOnly(600),
                RunListener.NONE).await();
        assertThat(completed.exitCode).isZero();
        RunRecord exited = start(write(project, "exit3.py", "import sys\nprint('leaving')\nsys.exit(3)\n"),
                DebugOptions.postMortemOnly(600), RunListener.NONE).await();
        assertThat(exited.exitCode).isEqualTo(3);
        assertThat(driverLog(exited)).contains("leaving").doesNotContain(ShimLines.POST_MORTEM_PREFIX, "Waiting for a debugger");
        assertThat(exited.postMortem).isNull();
    }
}
