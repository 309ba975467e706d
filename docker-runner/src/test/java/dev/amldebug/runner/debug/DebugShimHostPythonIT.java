package dev.amldebug.runner.debug;

import static org.assertj.core.api.Assertions.assertThat;

import dev.amldebug.bridge.testing.DapTestClient;
import dev.amldebug.runner.testing.FreePorts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.eclipse.lsp4j.debug.StoppedEventArguments;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shim under the newest Python on this machine (3.11.7 from pyenv here, while the base
 * image has Debian's 3.11.2), with Debian's debugpy, which scripts/setup-engine.sh installs.
 */
class DebugShimHostPythonIT {
    private static final String DEBIAN_PACKAGES = "/usr/lib/python3/dist-packages";
    private static String python;

    @TempDir
    Path dir;

    @BeforeAll
    static void findNewestPython() throws Exception {
        List<String> candidates = new ArrayList<>();
        for (String name : new String[] {"python3", "/usr/bin/python3", "python3.13", "python3.12", "python3.11"}) {
            if (version(name) != null) {
                candidates.add(name);
            }
        }
        python = candidates.stream().max(Comparator.comparing(DebugShimHostPythonIT::versionKey)).orElseThrow();
    }

    private static String version(String name) {
        try {
            Process process = new ProcessBuilder(name, "-c", "import sys; print('%d.%d.%d' % sys.version_info[:3])")
                    .redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return process.waitFor() == 0 ? out : null;
        } catch (IOException | InterruptedException e) {
            return null;
        }
    }

    private static String versionKey(String name) {
        StringBuilder key = new StringBuilder();
        for (String part : version(name).split("\\.")) {
            key.append(String.format("%04d", Integer.parseInt(part)));
        }
        return key.toString();
    }

    private Result shim(String script, String... options) throws Exception {
        return shim(script, List.of(), options);
    }

    /** Runs script.py under the shim; {@code pythonPath} goes on PYTHONPATH before Debian's packages. */
    private Result shim(String script, List<Path> pythonPath, String... options) throws Exception {
        Path shimDir = DebugShim.folder(dir.resolve("cache"));
        Files.writeString(dir.resolve("script.py"), script);
        List<String> command = new ArrayList<>(List.of(python, shimDir.resolve(DebugShim.FILE_NAME).toString(),
                "--listen", "127.0.0.1:0"));
        command.addAll(List.of(options));
        command.addAll(List.of("--", "script.py", "first", "second"));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().put("PYTHONPATH", pythonPath(pythonPath));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), output);
    }

    private static String pythonPath(List<Path> first) {
        List<String> entries = new ArrayList<>();
        first.forEach(path -> entries.add(path.toString()));
        entries.add(DEBIAN_PACKAGES);
        return String.join(":", entries);
    }

    record Result(int exitCode, String output) {
    }

    @Test
    void runsTheScriptAsMainWithItsArgvAndExitCode() throws Exception {
        Result result = shim("import sys\nprint('argv', sys.argv, __name__)\nsys.exit(5)\n", "--no-wait");
        assertThat(result.exitCode()).as(python + ": " + result.output()).isEqualTo(5);
        assertThat(result.output()).contains("Timeout for debug connection", "ip_address: 127.0.0.1",
                "argv ['script.py', 'first', 'second'] __main__");
    }

    @Test
    void waitReallyExpiresThenContinuesOrAborts() throws Exception {
        Result continued = shim("print('ran without a debugger')\n", "--wait-timeout", "1", "--on-timeout", "continue");
        assertThat(continued.exitCode()).as(continued.output()).isZero();
        assertThat(continued.output()).contains("Timeout for debug connection: 1", "Debugger attached = False",
                "ran without a debugger");
        Result aborted = shim("print('never')\n", "--wait-timeout", "1", "--on-timeout", "abort");
        assertThat(aborted.exitCode()).isEqualTo(DebugOptions.EXIT_NO_DEBUGGER);
        assertThat(aborted.output()).contains("Debugger attached = False").doesNotContain("never");
    }

    @Test
    void tracebacksShowOnlyTheScriptsFrames() throws Exception {
        Result result = shim("def f():\n    raise KeyError('k')\nf()\n", "--no-wait");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.output()).contains("script.py\", line 3, in <module>", "KeyError: 'k'")
                .doesNotContain("aml_debug_shim.py");
    }

    @Test
    void waitTimeoutOfZeroAppliesTheContinueOrAbortRuleAtOnce() throws Exception {
        Result continued = shim("print('ran at once')\n", "--wait-timeout", "0", "--on-timeout", "continue");
        assertThat(continued.exitCode()).as(continued.output()).isZero();
        assertThat(continued.output()).contains("Timeout for debug connection: 0", "Debugger attached = False", "ran at once")
                .doesNotContain("Traceback");
        Result aborted = shim("print('never')\n", "--wait-timeout", "0", "--on-timeout", "abort");
        assertThat(aborted.exitCode()).as(aborted.output()).isEqualTo(DebugOptions.EXIT_NO_DEBUGGER);
        assertThat(aborted.output()).contains("Debugger attached = False").doesNotContain("never", "Traceback");
    }

    /**
     * Asked from inside each debugged process: the script, a Python subprocess (which debugpy
     * starts through pydevd, where the shim does not run) and its own, and forked and spawned
     * multiprocessing children; and of debugpy's adapter process, through /proc.
     */
    @Test
    void debuggerConnectionsHaveNoDelayInTheScriptTheAdapterAndEveryProcessItStarts() throws Exception {
        Path imageSite = Files.createDirectories(dir.resolve("image-site"));
        Files.writeString(imageSite.resolve("sitecustomize.py"), ShimProbes.IMAGE_SITECUSTOMIZE);
        Result result = shim(ShimProbes.NODELAY_FAMILY, List.of(imageSite), "--no-wait");
        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains(ShimProbes.NODELAY_EVERYWHERE).doesNotContain("nodelay 0");
        assertThat(result.output()).as("an image's own sitecustomize still runs, in the script and in its children")
                .contains("script sitecustomize ran", "subprocess sitecustomize ran");
    }

    /** justMyCode off, so library frames would show; runpy unfrozen, so its frames are real files. */
    @Test
    void debuggerCallStackEndsAtTheUsersModule() throws Exception {
        Files.createDirectories(dir.resolve("pkg"));
        Files.writeString(dir.resolve("pkg/__init__.py"), "");
        Path module = Files.writeString(dir.resolve("pkg/train.py"), "def step(x):\n    return x + 1\n\nstep(1)\n");
        int port = FreePorts.any();
        Path shimDir = DebugShim.folder(dir.resolve("cache"));
        ProcessBuilder builder = new ProcessBuilder(python, "-X", "frozen_modules=off", shimDir.resolve(DebugShim.FILE_NAME)
                .toString(), "--listen", "127.0.0.1:" + port, "--wait-timeout", "60", "--", "-m", "pkg.train")
                .directory(dir.toFile()).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile());
        builder.environment().put("PYTHONPATH", pythonPath(List.of()));
        Process process = builder.start();
        try {
            try (DapTestClient dap = DapTestClient.initialized("127.0.0.1", port, Duration.ofSeconds(30))) {
                dap.attach(Map.of("justMyCode", false), module.toString(), 2);
                int thread = dap.await(StoppedEventArguments.class).getThreadId();
                List<String> frames = ShimProbes.frames(dap.stackTrace(thread));
                assertThat(frames).containsExactly("step " + module + ":2", "<module> " + module + ":4");
                dap.resume(thread);
            }
            assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as(Files.readString(dir.resolve("out.txt"))).isZero();
        } finally {
            process.destroyForcibly();
        }
    }
}
