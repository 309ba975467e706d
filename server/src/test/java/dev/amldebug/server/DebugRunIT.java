package dev.amldebug.server;

import static dev.amldebug.runner.testing.DockerResources.BASE_IMAGE;
import static dev.amldebug.runner.testing.DockerResources.docker;
import static dev.amldebug.runner.testing.Projects.read;
import static dev.amldebug.runner.testing.Projects.write;
import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.DapTrace;
import dev.amldebug.bridge.console.ConsoleOptions;
import dev.amldebug.bridge.console.Location;
import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.debug.DebugOptions;
import dev.amldebug.runner.image.ImageUsage;
import dev.amldebug.runner.run.LocalRun;
import dev.amldebug.runner.run.LocalRunner;
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStatus;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import dev.amldebug.server.debug.ConsoleSession;
import dev.amldebug.server.testing.RunServiceExtension;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.eclipse.lsp4j.debug.EvaluateArguments;
import org.eclipse.lsp4j.debug.ExitedEventArguments;
import org.eclipse.lsp4j.debug.ScopesArguments;
import org.eclipse.lsp4j.debug.SetExceptionBreakpointsArguments;
import org.eclipse.lsp4j.debug.SetVariableArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackTraceArguments;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.eclipse.lsp4j.debug.TerminatedEventArguments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/** Debugging real runs: real engine, real debugpy in the container, the bridge, real DAP clients. */
@ExtendWith(DockerResources.class)
class DebugRunIT {
    private static final Path EXAMPLE = Path.of("../examples/digits").toAbsolutePath().normalize();

    @RegisterExtension
    final RunServiceExtension local = new RunServiceExtension();
    @TempDir
    Path project;

    private LocalRunner runner;

    @BeforeEach
    void setUp() {
        runner = new LocalRunner(docker(), local.runs().store(), new ImageUsage(local.cache()));
    }

    private LocalRun startDebug(Path file, DebugOptions debug, List<String> args) {
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(file, null, args);
        String id = runner.queue(spec);
        return runner.start(id, spec, StartOptions.debug(debug), RunListener.NONE);
    }

    private static CompletableFuture<RunRecord> follow(LocalRun run) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return run.await();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    @Test
    void breakpointInTheTrainingLoopHitsWithLocalPathsLocalsAStepAndTheExitCode() throws Exception {
        LocalRun run = startDebug(EXAMPLE.resolve("job.yml"), DebugOptions.defaults(), List.of("--epochs", "2"));
        CompletableFuture<RunRecord> ended = follow(run);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConsoleOptions options = new ConsoleOptions(EXAMPLE, List.of(Location.parse("train.py:44", EXAMPLE)),
                Map.of(), true, false, new PrintStream(printed, true, StandardCharsets.UTF_8),
                new BufferedReader(new StringReader("bt\nn\np epoch * 10\nc\nc\n")), args -> { });

        OptionalInt exitCode = new ConsoleSession(local.executor(), DapTrace.NONE).debug(local.runs().debugTarget(run.id(), true), options);

        String console = printed.toString(StandardCharsets.UTF_8);
        assertThat(console).contains("stopped at train.py:44 in main", "  epoch = 1", "  train.py:44 in main",
                "stopped at train.py:45 in main", "train.py:45 > 10\n");
        assertThat(console.indexOf("stopped at train.py:44")).isLessThan(console.indexOf("stopped at train.py:45"));
        assertThat(exitCode).hasValue(0);
        assertThat(ended.get().status).isEqualTo(RunStatus.Completed);
        assertThat(read(runner.store().driverLog(run.id()))).contains("Debugger attached = True", "epoch 2:");
    }

    @Test
    void aBreakpointOutsideTheRunsCodeIsAnsweredUnverifiedAndPydevdNeverHearsOfIt(@TempDir Path elsewhere) throws Exception {
        Path script = write(project, "loop.py", "import time\ntime.sleep(1)\nfor i in range(3):\n    x = i * 2\nprint('done')\n");
        Path outside = write(elsewhere, "helper.py", "def f():\n    return 1\n");
        LocalRun run = startDebug(script, DebugOptions.defaults(), List.of());
        CompletableFuture<RunRecord> ended = follow(run);
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            client.startSession(Map.of(script.toString(), new SourceBreakpoint[] {DapTestClient.line(4)},
                    outside.toString(), new SourceBreakpoint[] {DapTestClient.line(2)}));
            client.await(StoppedEventArguments.class);
            var answer = client.answer(client.server.setBreakpoints(DapTestClient.breakpointsFor(outside.toString(),
                    new SourceBreakpoint[] {DapTestClient.line(2)})));
            assertThat(answer.getBreakpoints()).singleElement().satisfies(breakpoint -> {
                assertThat(breakpoint.isVerified()).isFalse();
                assertThat(breakpoint.getMessage()).contains("Not in this run's code", project.toString());
            });
        }
        assertThat(ended.get().status).isEqualTo(RunStatus.Completed);
        assertThat(read(runner.store().driverLog(run.id()))).contains("done").doesNotContain("unable to find translation");
    }

    @Test
    void breakpointsSentBeforeTheContainerListensStillHit() throws Exception {
        Path script = write(project, "loop.py", "import time\ntime.sleep(1)\nfor i in range(3):\n    x = i * 2\nprint('done')\n");
        LocalRun run = startDebug(script, DebugOptions.defaults(), List.of());
        CompletableFuture<RunRecord> ended = follow(run);
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            client.startSession(Map.of(script.toString(), new SourceBreakpoint[] {DapTestClient.line(4)}));
            StoppedEventArguments stopped = client.await(StoppedEventArguments.class);
            StackTraceArguments stack = new StackTraceArguments();
            stack.setThreadId(stopped.getThreadId());
            var frame = client.server.stackTrace(stack).get().getStackFrames()[0];
            assertThat(frame.getSource().getPath()).isEqualTo(script.toString());
            assertThat(frame.getLine()).isEqualTo(4);
        }
        assertThat(ended.get().status).as("the run goes on once the debugger leaves").isEqualTo(RunStatus.Completed);
    }

    @Test
    void nobodyAttachingLetsTheRunContinueOrAbortAfterTheTimeout() throws Exception {
        Path script = write(project, "hello.py", "print('ran anyway')\n");
        RunRecord continued = startDebug(script, new DebugOptions(1, false, false), List.of()).await();
        assertThat(continued.status).isEqualTo(RunStatus.Completed);
        assertThat(read(runner.store().driverLog(continued.id))).contains("Timeout for debug connection: 1",
                "ip_address: ", "Debugger attached = False", "ran anyway");

        RunRecord aborted = startDebug(script, new DebugOptions(1, true, false), List.of()).await();
        assertThat(aborted.status).isEqualTo(RunStatus.Failed);
        assertThat(aborted.exitCode).isEqualTo(DebugOptions.EXIT_NO_DEBUGGER);
        assertThat(read(runner.store().driverLog(aborted.id))).contains("Debugger attached = False")
                .doesNotContain("ran anyway");
    }

    @Test
    void containerDyingWhileADebuggerIsAttachedEndsTheSessionWithTerminated() throws Exception {
        Path script = write(project, "stay.py", "import time\nwhile True:\n    time.sleep(0.2)\n");
        LocalRun run = startDebug(script, DebugOptions.defaults(), List.of());
        CompletableFuture<RunRecord> ended = follow(run);
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            client.startSession(Map.of(script.toString(), new SourceBreakpoint[] {DapTestClient.line(3)}));
            client.await(StoppedEventArguments.class);
            docker().killContainerCmd(runner.store().read(run.id()).containerId).exec();
            assertThat(client.await(ExitedEventArguments.class).getExitCode()).isEqualTo(137);
            client.await(TerminatedEventArguments.class);
        }
        assertThat(ended.get().exitCode).isEqualTo(137);
    }

    @Test
    void aContainerDyingAtTheConsolePromptEndsTheConsoleAtOnceWithTheExitCode() throws Exception {
        Path script = write(project, "stay.py", "import time\nwhile True:\n    time.sleep(0.2)\n");
        LocalRun run = startDebug(script, DebugOptions.defaults(), List.of());
        CompletableFuture<RunRecord> ended = follow(run);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        // A terminal where nobody types: the prompt waits for ever unless the end of the session wakes it.
        java.io.PipedWriter keyboard = new java.io.PipedWriter();
        ConsoleOptions options = new ConsoleOptions(project, List.of(new Location(script, 3)), Map.of(), true, false,
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new BufferedReader(new java.io.PipedReader(keyboard)), args -> { });
        CompletableFuture<OptionalInt> console = CompletableFuture.supplyAsync(() -> {
            try {
                return new ConsoleSession(local.executor(), DapTrace.NONE).debug(local.runs().debugTarget(run.id(), true), options);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, local.executor());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(60))
                .until(() -> printed.toString(StandardCharsets.UTF_8).contains("(aml-debug) stay.py:3 > "));
        docker().killContainerCmd(runner.store().read(run.id()).containerId).exec();

        assertThat(console.get(30, java.util.concurrent.TimeUnit.SECONDS)).hasValue(137);
        assertThat(printed.toString(StandardCharsets.UTF_8)).doesNotContain("Exception").doesNotContain("org.eclipse");
        assertThat(ended.get().exitCode).isEqualTo(137);
        keyboard.close();
    }

    @Test
    void twoDebugRunsAtOnceAreDebuggedIndependently() throws Exception {
        Path first = write(project, "a/first.py", "value = 'first'\nraise SystemExit(3)\n");
        Path second = write(project, "b/second.py", "value = 'second'\nraise SystemExit(4)\n");
        LocalRun runA = startDebug(first, DebugOptions.defaults(), List.of());
        LocalRun runB = startDebug(second, DebugOptions.defaults(), List.of());
        CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> debugToEnd(runA, first, 2));
        CompletableFuture<String> b = CompletableFuture.supplyAsync(() -> debugToEnd(runB, second, 2));
        assertThat(a.get()).contains("stopped at first.py:2", "value = 'first'", "exit 3");
        assertThat(b.get()).contains("stopped at second.py:2", "value = 'second'", "exit 4");
    }

    private String debugToEnd(LocalRun run, Path script, int line) {
        try {
            CompletableFuture<RunRecord> ended = follow(run);
            ByteArrayOutputStream printed = new ByteArrayOutputStream();
            ConsoleOptions options = new ConsoleOptions(script.getParent(), List.of(new Location(script, line)), Map.of(),
                    false, false, new PrintStream(printed, true, StandardCharsets.UTF_8), null, args -> { });
            OptionalInt code = new ConsoleSession(local.executor(), DapTrace.NONE).debug(local.runs().debugTarget(run.id(), true), options);
            ended.get();
            return printed.toString(StandardCharsets.UTF_8) + "exit " + code.orElse(-1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void debugpyFeaturesWorkThroughTheBridge() throws Exception {
        Path script = write(project, "features.py", """
                total = 0
                for i in range(4):
                    total += i
                try:
                    raise ValueError('raised on purpose')
                except ValueError:
                    pass
                print('total', total)
                """);
        LocalRun run = startDebug(script, DebugOptions.defaults(), List.of());
        CompletableFuture<RunRecord> ended = follow(run);
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            SourceBreakpoint conditional = DapTestClient.line(3);
            conditional.setCondition("i == 2");
            SourceBreakpoint logpoint = DapTestClient.line(8);
            logpoint.setLogMessage("logpoint says total={total}");
            client.startSession(Map.of(script.toString(), new SourceBreakpoint[] {conditional, logpoint}));
            SetExceptionBreakpointsArguments raised = new SetExceptionBreakpointsArguments();
            raised.setFilters(new String[] {"raised"});
            client.server.setExceptionBreakpoints(raised).get();

            StoppedEventArguments atCondition = client.await(StoppedEventArguments.class);
            int frameId = topFrame(client, atCondition);
            assertThat(evaluate(client, "i", frameId)).isEqualTo("2");
            SetVariableArguments set = new SetVariableArguments();
            set.setVariablesReference(localsReference(client, frameId));
            set.setName("total");
            set.setValue("100");
            assertThat(client.server.setVariable(set).get().getValue()).isEqualTo("100");
            client.server.continue_(continueArgs(atCondition)).get();

            StoppedEventArguments atException = client.await(StoppedEventArguments.class);
            assertThat(atException.getReason()).isEqualTo("exception");
            client.server.continue_(continueArgs(atException)).get();
            assertThat(client.await(ExitedEventArguments.class).getExitCode()).isZero();
            client.await(TerminatedEventArguments.class);
            assertThat(String.join("", client.output)).contains("logpoint says total=105");
        }
        assertThat(read(runner.store().driverLog(ended.get().id))).contains("total 105");
    }

    @Test
    void subprocessesAnnouncedByDebugpyGetTheirOwnSessionAndStopAtTheirBreakpoints() throws Exception {
        Path parent = write(project, "parent.py",
                "import subprocess, sys\nsubprocess.run([sys.executable, 'child.py'], check=True)\nprint('parent done')\n");
        Path child = write(project, "child.py", "import os\nlabel = 'in the child'\nprint(label)\n");
        LocalRun run = startDebug(parent, DebugOptions.defaults(), List.of());
        CompletableFuture<RunRecord> ended = follow(run);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        ConsoleOptions options = new ConsoleOptions(project, List.of(new Location(child, 3)), Map.of(), false, false,
                new PrintStream(printed, true, StandardCharsets.UTF_8), null, args -> { });

        OptionalInt exitCode = new ConsoleSession(local.executor(), DapTrace.NONE).debug(local.runs().debugTarget(run.id(), true), options);

        assertThat(printed.toString(StandardCharsets.UTF_8)).contains("stopped at child.py:3 in <module>",
                "  label = 'in the child'");
        assertThat(exitCode).hasValue(0);
        assertThat(ended.get().status).isEqualTo(RunStatus.Completed);
        assertThat(read(runner.store().driverLog(run.id()))).contains("in the child", "parent done");
    }

    @Test
    void malformedFramingFromTheClientClosesTheSessionButTheRunGoesOn() throws Exception {
        Path script = write(project, "slow.py", "import time\ntime.sleep(3)\nprint('finished')\n");
        LocalRun run = startDebug(script, new DebugOptions(60, false, true), List.of());
        CompletableFuture<RunRecord> ended = follow(run);
        try (DapTestClient client = DapTestClient.bridgedTo(local.runs().debugTarget(run.id(), true))) {
            client.rawOutput().write("garbage\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            client.rawOutput().flush();
            org.awaitility.Awaitility.await().atMost(DapTestClient.WAIT).until(client.bridge()::hasEnded);
        }
        assertThat(ended.get().status).isEqualTo(RunStatus.Completed);
        assertThat(read(runner.store().driverLog(run.id()))).contains("finished");
    }

    private static org.eclipse.lsp4j.debug.ContinueArguments continueArgs(StoppedEventArguments stopped) {
        org.eclipse.lsp4j.debug.ContinueArguments arguments = new org.eclipse.lsp4j.debug.ContinueArguments();
        arguments.setThreadId(stopped.getThreadId());
        return arguments;
    }

    private static int topFrame(DapTestClient client, StoppedEventArguments stopped) throws Exception {
        StackTraceArguments stack = new StackTraceArguments();
        stack.setThreadId(stopped.getThreadId());
        return client.server.stackTrace(stack).get().getStackFrames()[0].getId();
    }

    private static int localsReference(DapTestClient client, int frameId) throws Exception {
        ScopesArguments scopes = new ScopesArguments();
        scopes.setFrameId(frameId);
        return client.server.scopes(scopes).get().getScopes()[0].getVariablesReference();
    }

    private static String evaluate(DapTestClient client, String expression, int frameId) throws Exception {
        EvaluateArguments arguments = new EvaluateArguments();
        arguments.setExpression(expression);
        arguments.setFrameId(frameId);
        return client.server.evaluate(arguments).get().getResult();
    }
}
