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
import dev.amldebug.runner.run.RunListener;
import dev.amldebug.runner.run.RunRecord;
import dev.amldebug.runner.run.RunStore;
import dev.amldebug.runner.run.StartOptions;
import dev.amldebug.runner.spec.RunSpec;
import dev.amldebug.runner.spec.RunSpecLoader;
import dev.amldebug.runner.testing.DockerResources;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.debug.NextArguments;
import org.eclipse.lsp4j.debug.SourceBreakpoint;
import org.eclipse.lsp4j.debug.StackFrame;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The debug shim under the base image's Python and real debugpy: the script runs exactly as `python script.py` would. */
@ExtendWith(DockerResources.class)
class DebugShimIT {
    private static final DebugOptions NO_WAIT = new DebugOptions(300, false, true);

    @TempDir
    Path workspace;
    @TempDir
    Path project;
    @TempDir
    Path cache;

    private LocalRunner runner;

    @BeforeEach
    void setUp() {
        runner = new LocalRunner(docker(), new RunStore(workspace), new ImageUsage(cache));
    }

    private RunRecord run(Path file, List<String> args) throws InterruptedException {
        return start(file, args, NO_WAIT).await();
    }

    private LocalRun start(Path file, List<String> args, DebugOptions debug) {
        RunSpec spec = new RunSpecLoader(BASE_IMAGE).load(file, null, args);
        String id = runner.queue(spec);
        return runner.start(id, spec, StartOptions.debug(debug), RunListener.NONE);
    }

    private String driverLog(RunRecord record) {
        return read(runner.store().driverLog(record.id));
    }

    @Test
    void scriptSeesItsOwnArgvPathAndNameAndItsExitCodeIsKept() throws Exception {
        write(project, "helper.py", "VALUE = 'imported from the script folder'\n");
        Path script = write(project, "main.py", """
                import sys, helper
                print('argv', sys.argv)
                print('path0', sys.path[0])
                print('name', __name__, 'file', __file__)
                print(helper.VALUE)
                sys.exit(5)
                """);
        RunRecord ended = run(script, List.of("a", "--b", "c d"));
        String log = driverLog(ended);
        assertThat(ended.exitCode).isEqualTo(5);
        assertThat(log).contains("Timeout for debug connection: 300", "ip_address: ",
                "argv ['main.py', 'a', '--b', 'c d']", "path0 /aml/code", "name __main__ file /aml/code/main.py",
                "imported from the script folder");
        assertThat(log).as("--no-wait does not wait").doesNotContain("Debugger attached");
    }

    @Test
    void tracebacksShowTheUsersFramesOnly() throws Exception {
        Path script = write(project, "boom.py", "def explode():\n    raise ValueError('boom')\n\nexplode()\n");
        RunRecord ended = run(script, List.of());
        String log = driverLog(ended);
        assertThat(ended.exitCode).isEqualTo(1);
        assertThat(log).contains("Traceback (most recent call last):", "File \"/aml/code/boom.py\", line 4, in <module>",
                "File \"/aml/code/boom.py\", line 2, in explode", "ValueError: boom");
        assertThat(log).doesNotContain("aml_debug_shim").doesNotContain("runpy");
    }

    @Test
    void modulesRunAsWithPythonDashM() throws Exception {
        write(project, "pkg/__init__.py", "");
        write(project, "pkg/train.py", "import sys\nprint('module', __name__, sys.argv[1:])\n");
        Path job = write(project, "job.yml", "command: python -m pkg.train --epochs 2\nenvironment: {image: "
                + BASE_IMAGE + "}\n");
        RunRecord ended = run(job, List.of());
        assertThat(ended.exitCode).as(driverLog(ended)).isZero();
        assertThat(driverLog(ended)).contains("module __main__ ['--epochs', '2']");
    }

    @Test
    void waitTimeoutOfZeroRunsTheScriptAtOnceOrAbortsAtOnce() throws Exception {
        Path script = write(project, "now.py", "print('ran at once')\n");
        RunRecord continued = start(script, List.of(), new DebugOptions(0, false, false)).await();
        assertThat(continued.exitCode).as(driverLog(continued)).isZero();
        assertThat(driverLog(continued)).contains("Debugger attached = False", "ran at once").doesNotContain("Traceback");
        RunRecord aborted = start(script, List.of(), new DebugOptions(0, true, false)).await();
        assertThat(aborted.exitCode).as(driverLog(aborted)).isEqualTo(DebugOptions.EXIT_NO_DEBUGGER);
        assertThat(driverLog(aborted)).doesNotContain("ran at once", "Traceback");
    }

    /**
     * From inside each debugged process: the script, a Python subprocess and its own, and forked
     * and spawned multiprocessing children; and of debugpy's adapter process, through /proc. The
     * run's PYTHONPATH, with its own sitecustomize, still holds; the shim folder is read-only.
     */
    @Test
    void debuggerConnectionsHaveNoDelayInTheScriptTheAdapterAndEveryProcessItStarts() throws Exception {
        write(project, "image-site/sitecustomize.py", ShimProbes.IMAGE_SITECUSTOMIZE);
        write(project, "main.py", ShimProbes.NODELAY_FAMILY + """

                if __name__ == '__main__' and os.environ.get('PROBE_ROLE') is None:
                    print('shim folder', sorted(os.listdir('/aml/debug')), sorted(os.listdir('/aml/debug/startup')),
                          'writable' if os.access('/aml/debug', os.W_OK) else 'read-only')
                """);
        Path job = write(project, "job.yml", "command: python main.py\nenvironment: {image: " + BASE_IMAGE + "}\n"
                + "environment_variables: {PYTHONPATH: /aml/code/image-site}\n");
        RunRecord ended = run(job, List.of());
        String log = driverLog(ended);
        assertThat(ended.exitCode).as(log).isZero();
        assertThat(log).contains(ShimProbes.NODELAY_EVERYWHERE).doesNotContain("nodelay 0");
        assertThat(log).contains("script sitecustomize ran", "subprocess sitecustomize ran", "grandchild sitecustomize ran");
        assertThat(log).contains("shim folder ['aml_debug_dormant.py', 'aml_debug_faststop.py', 'aml_debug_governor.py',"
                + " 'aml_debug_nodelay.py', 'aml_debug_postmortem.py', 'aml_debug_ranks.py', 'aml_debug_shim.py', 'dormant',"
                + " 'startup'] ['aml_debug_fingerprint.py', 'pydevd_plugins', 'sitecustomize.py'] read-only");
    }

    /** With justMyCode off, so that frames outside the user's code would show if they were there. */
    @Test
    void debuggerCallStackEndsAtTheUsersScript() throws Exception {
        Path script = write(project, "train.py", "def step(x):\n    return x + 1\n\nstep(1)\nprint('trained')\n");
        LocalRun run = start(script, List.of(), new DebugOptions(60, true, false));
        String[] endpoint = run.record().debugEndpoint.split(":");
        try (DapTestClient dap = DapTestClient.initialized(endpoint[0], Integer.parseInt(endpoint[1]), Duration.ofSeconds(60))) {
            dap.attach(Map.of("justMyCode", false), "/aml/code/train.py", 2);
            int thread = dap.await(StoppedEventArguments.class).getThreadId();
            assertThat(ShimProbes.frames(dap.stackTrace(thread)))
                    .containsExactly("step /aml/code/train.py:2", "<module> /aml/code/train.py:4");
            dap.resume(thread);
        }
        RunRecord ended = run.await();
        assertThat(ended.exitCode).as(driverLog(ended)).isZero();
        assertThat(driverLog(ended)).contains("Debugger attached = True", "trained");
    }

    /** Stops, variables, steps and continue to the end, with paused threads waiting on an event, not polling. */
    @Test
    void pausedThreadAnswersVariablesStepsAndContinuesWithItsPollReplaced() throws Exception {
        Path script = write(project, "count.py", """
                import sys
                def count(n):
                    total = 0
                    for i in range(n):
                        total += i
                    return total
                print('faststop', getattr(sys.modules['pydevd'].time, 'aml_debug_faststop', False), flush=True)
                print('total', count(3))
                """);
        LocalRun run = start(script, List.of(), new DebugOptions(60, true, false));
        String[] endpoint = run.record().debugEndpoint.split(":");
        try (DapTestClient dap = DapTestClient.initialized(endpoint[0], Integer.parseInt(endpoint[1]), Duration.ofSeconds(60))) {
            dap.attach(Map.of("justMyCode", true), "/aml/code/count.py", 5);
            int thread = dap.await(StoppedEventArguments.class).getThreadId();
            StackFrame top = dap.stackTrace(thread)[0];
            assertThat(top.getLine()).isEqualTo(5);
            assertThat(dap.locals(top)).contains("i = 0", "total = 0");
            assertThat(List.of(next(dap, thread).getLine(), next(dap, thread).getLine())).containsExactly(4, 5);
            assertThat(dap.locals(dap.stackTrace(thread)[0])).contains("i = 1", "total = 0");
            dap.answer(dap.server.setBreakpoints(DapTestClient.breakpointsFor("/aml/code/count.py",
                    new SourceBreakpoint[0])));
            dap.resume(thread);
        }
        RunRecord ended = run.await();
        assertThat(ended.exitCode).as(driverLog(ended)).isZero();
        assertThat(driverLog(ended)).contains("faststop True", "total 3");
    }

    private static StackFrame next(DapTestClient dap, int thread) throws InterruptedException {
        NextArguments next = new NextArguments();
        next.setThreadId(thread);
        dap.answer(dap.server.next(next));
        dap.await(StoppedEventArguments.class);
        return dap.stackTrace(thread)[0];
    }

    @Test
    void fastStopsLeaveAPydevdItDoesNotKnowAsItWas() throws Exception {
        RunRecord ended = run(write(project, "unknown.py", ShimProbes.FASTSTOP_UNKNOWN_PYDEVD), List.of());
        String log = driverLog(ended);
        assertThat(ended.exitCode).as(log).isZero();
        assertThat(log).contains("no PyDB left alone unchanged", "a wait that does not sleep left alone unchanged",
                "another time module left alone unchanged", "no STATE_SUSPEND left alone unchanged",
                "no internal_run_thread left alone unchanged", "like pydevd patched changed");
    }
}
